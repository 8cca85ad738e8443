package io.github.puavomirror.rdiff.nativelib;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.puavomirror.rdiff.RdiffEngine;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Skips tests that need librsync or the rdiff binary on a machine without them, but fails them
 * in CI ({@code CI=true}), where a silent skip would hide a broken setup.
 */
final class NativeAvailability {
    private NativeAvailability() {
    }

    static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** The native engine, or a skip (a failure in CI) when librsync does not load. */
    static RdiffEngine engine() {
        NativeLibraryLoader.Result r = NativeLibraryLoader.load();
        if (!r.available()) {
            missing("librsync is not available: " + r.reason());
        }
        return r.engine();
    }

    /** The rdiff binary on PATH, or a skip (a failure in CI). */
    static Path rdiff() {
        String pathVar = System.getenv("PATH");
        if (pathVar != null) {
            for (String dir : pathVar.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "rdiff");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        missing("rdiff is not on PATH");
        return null;
    }

    private static void missing(String why) {
        if (inCi()) {
            fail(why + " (CI=true: install rdiff and librsync2)");
        }
        Assumptions.abort(why);
    }
}
