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
package io.github.puavomirror.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The process streams a command works with, passed in rather than read from {@link System} so
 * tests run commands in-process.
 *
 * @param in          standard input (binary)
 * @param out         standard output (binary; text goes through {@link #outWriter()})
 * @param err         standard error
 * @param stdinLength the length of standard input when it is a regular file, else -1: rdiff
 *                    sizes a signature of stdin from {@code fstat}, so we must too
 */
public record CliIo(InputStream in, OutputStream out, PrintStream err, LongSupplier stdinLength) {

    /** The real process streams. */
    public static CliIo system() {
        return new CliIo(System.in, System.out, System.err, CliIo::processStdinLength);
    }

    PrintWriter outWriter() {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    PrintWriter errWriter() {
        return new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }

    /**
     * Whether {@link #err} is the process's stderr and that is a terminal. Linux names fd 2's
     * target under /proc; elsewhere {@link System#console()}, which looks at stdin and stdout,
     * is the best guess.
     */
    boolean errIsTerminal() {
        if (err != System.err) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** fd 0's size when it is a regular file (Linux /proc), else -1 like librsync's rs_file_size. */
    private static long processStdinLength() {
        Path fd0 = Path.of("/proc/self/fd/0");
        try {
            return Files.isRegularFile(fd0) ? Files.size(fd0) : -1;
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }
}
