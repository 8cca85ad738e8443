/*
 * Copyright 2026 the puavo-mirror authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.puavomirror.rdiff.nativelib;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import io.github.puavomirror.rdiff.RdiffEngine;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads the system librsync on first use. Every JNA or linker failure is caught and turned into a
 * reason string, so a machine without librsync (or without JNA's native part) only sees that text.
 */
public final class NativeLibraryLoader {
    /** librsync 2.x's soname; librsync2 ships no unversioned {@code librsync.so}. */
    public static final String LIBRARY = "librsync.so.2";

    private static final List<String> FUNCTIONS = List.of("rs_sig_file", "rs_loadsig_file",
            "rs_build_hash_table", "rs_delta_file", "rs_patch_file", "rs_free_sumset", "rs_strerror",
            "rs_trace_set_level", "rs_trace_to");

    private NativeLibraryLoader() {
    }

    /** What loading gave: either a native engine or the reason there is none. */
    public static final class Result {
        private final NativeRdiffEngine engine;
        private final String version;
        private final String reason;

        private Result(NativeRdiffEngine engine, String version, String reason) {
            this.engine = engine;
            this.version = version;
            this.reason = reason;
        }

        /** The library's own version string, e.g. {@code librsync 2.3.2}, or null when it did not load. */
        public String version() {
            return version;
        }

        public boolean available() {
            return engine != null;
        }

        /** The same library with its engine's temporary files in {@code spoolFolder}. */
        Result spoolingIn(Path spoolFolder) {
            return engine == null ? this : new Result(engine.spoolingIn(spoolFolder), version, reason);
        }

        /** @throws IllegalStateException when librsync did not load */
        public RdiffEngine engine() {
            if (engine == null) {
                throw new IllegalStateException(reason);
            }
            return engine;
        }

        /** Why librsync is unavailable, or null when it loaded. */
        public String reason() {
            return reason;
        }
    }

    /** The process-wide result: the library is loaded once and never unloaded. */
    public static Result load() {
        return Holder.RESULT;
    }

    private static final class Holder {
        static final Result RESULT = load(LIBRARY);
    }

    /** Loads {@code libraryName} now; tests use it with names that do not exist. */
    static Result load(String libraryName) {
        try {
            if (Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8) {
                return new Result(null, null, libraryName + " not usable: the binding needs a 64-bit (LP64) JVM");
            }
            NativeLibrary lib;
            try {
                lib = NativeLibrary.getInstance(libraryName);
            } catch (UnsatisfiedLinkError e) {
                return new Result(null, null, libraryName + " not found: " + linkerMessage(e.getMessage()));
            }
            for (String f : FUNCTIONS) {
                try {
                    lib.getFunction(f);
                } catch (UnsatisfiedLinkError e) {
                    return new Result(null, null, libraryName + " lacks " + f + ": not librsync 2.x");
                }
            }
            String version;
            try {
                version = lib.getGlobalVariableAddress("rs_librsync_version").getString(0, "US-ASCII");
            } catch (UnsatisfiedLinkError e) {
                return new Result(null, null, libraryName + " lacks rs_librsync_version: not librsync 2.x");
            }
            LibRsync rs = Native.load(libraryName, LibRsync.class);
            LibC libc = Native.load("c", LibC.class);
            String path = locate(libc, lib);
            return new Result(new NativeRdiffEngine(new LoadedLibrsync(rs, libc, path, version)), version, null);
        } catch (LinkageError | RuntimeException e) {
            // Also JNA's own native part failing to load, e.g. a noexec temp directory.
            return new Result(null, null, libraryName + " not loadable: " + firstLine(String.valueOf(e)));
        }
    }

    /** The file the dynamic linker actually opened, via dladdr on one of its functions. */
    private static String locate(LibC libc, NativeLibrary lib) {
        try {
            Function f = lib.getFunction("rs_strerror");
            LibC.DlInfo info = new LibC.DlInfo();
            if (libc.dladdr(f, info) != 0 && info.dli_fname != null && !info.dli_fname.isEmpty()) {
                return info.dli_fname;
            }
        } catch (UnsatisfiedLinkError e) {
            // Before glibc 2.34 dladdr lives in libdl; the name JNA used still identifies the file.
        }
        return lib.getFile() != null ? lib.getFile().getPath() : lib.getName();
    }

    /** JNA's message starts with "Unable to load library"; the dynamic linker's own line says why. */
    private static String linkerMessage(String s) {
        if (s != null) {
            for (String line : s.split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("Unable to load library")) {
                    return l;
                }
            }
        }
        return firstLine(s);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
