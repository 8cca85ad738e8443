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
package io.github.puavomirror.benchmarks;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.nativelib.Engines;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One engine operation, as SideBySide runs it in-process or in a fresh JVM:
 * {@code EngineStep ENGINE BLOCK_LENGTH signature|delta|patch|diff IN IN2 OUT} (block length
 * 0 = librsync's default; IN2 is {@code -} for signature, which reads one file).
 */
public final class EngineStep {
    private EngineStep() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: EngineStep ENGINE BLOCK_LENGTH signature|delta|patch|diff IN IN2 OUT");
            System.exit(2);
        }
        RdiffEngine engine = Engines.select(args[0], report -> { });
        SignatureOptions options = SignatureOptions.DEFAULTS.withBlockLength(Integer.parseInt(args[1]));
        run(engine, options, args[2], Path.of(args[3]), Path.of(args[4]), Path.of(args[5]));
    }

    static void run(RdiffEngine engine, SignatureOptions options, String op, Path a, Path b, Path out)
            throws IOException {
        switch (op) {
            case "signature":
                engine.signature(a, out, options);
                break;
            case "delta":
                engine.delta(a, b, out);
                break;
            case "patch":
                engine.patch(a, b, out);
                break;
            case "diff":
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    engine.diff(a, b, o, options);
                }
                break;
            default:
                throw new IllegalArgumentException("unknown operation " + op);
        }
    }
}
