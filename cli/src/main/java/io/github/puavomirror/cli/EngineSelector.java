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

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureParams;
import io.github.puavomirror.rdiff.nativelib.Engines;

import java.util.function.Consumer;

/**
 * How the commands that run an rdiff engine themselves ({@code rdiff}, {@code diff}) get it from
 * an {@code --engine} choice: {@link #SYSTEM} in the program, given to {@link PuavoMirrorCommand}
 * when it is built; a test passes one that wraps the engine to see which of its methods the
 * commands call.
 */
@FunctionalInterface
public interface EngineSelector {
    /** {@link Engines#select} and {@link Engines#selectForDiff}: the engine named, or the environment's choice for null. */
    EngineSelector SYSTEM = new EngineSelector() {
        @Override
        public RdiffEngine select(String choice, Consumer<String> report) {
            return Engines.select(choice, report);
        }

        @Override
        public RdiffEngine selectForDiff(String choice, Consumer<String> report, SignatureParams params) {
            return Engines.selectForDiff(choice, report, params);
        }
    };

    /**
     * @param choice {@code auto}, {@code java}, {@code native}, or null for the environment's choice
     * @param report told which engine was picked and why
     * @throws IllegalArgumentException when that engine cannot be had
     */
    RdiffEngine select(String choice, Consumer<String> report);

    /** {@link #select} for a one-step diff of a regular file basis with these settings (see {@link Engines#selectForDiff}). */
    default RdiffEngine selectForDiff(String choice, Consumer<String> report, SignatureParams params) {
        return select(choice, report);
    }
}
