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

import io.github.puavomirror.rdiff.RdiffBinary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs puavo-mirror in-process with captured streams. */
final class Cli {
    private Cli() {
    }

    static RdiffBinary.Result run(String... args) {
        return run(new byte[0], -1, args);
    }

    /**
     * @param stdin       standard input's bytes
     * @param stdinLength what the CLI believes fd 0's size is (-1 for a pipe, else a regular file's)
     */
    static RdiffBinary.Result run(byte[] stdin, long stdinLength, String... args) {
        return run(EngineSelector.SYSTEM, stdin, stdinLength, args);
    }

    /** {@link #run(byte[], long, String...)} with the rdiff engines {@code engines} gives. */
    static RdiffBinary.Result run(EngineSelector engines, byte[] stdin, long stdinLength, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliIo io = new CliIo(new ByteArrayInputStream(stdin), out, errStream, () -> stdinLength);
            int code = Main.run(args, io, engines);
            errStream.flush();
            return new RdiffBinary.Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        }
    }
}
