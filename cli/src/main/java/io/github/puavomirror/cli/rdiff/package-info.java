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
/**
 * {@code puavo-mirror rdiff} and {@code diff}: librsync 2.3.2's {@code rdiff} command line
 * stood in for, with its options (popt's number syntax), file conventions ({@code -} and missing
 * names for standard input and output, {@code -f}), error phrases, {@code -s} statistics lines
 * and exit codes, over an rdiff engine. Inputs are read by path when they are regular files and
 * as streams otherwise (a basis that cannot seek goes through a growing spool); outputs are
 * written under a temporary name and renamed ({@code AtomicFiles}). {@link
 * io.github.puavomirror.cli.rdiff.EngineRun} runs one engine call and says which file an error
 * belongs to.
 *
 * <p>Public API: the two commands, {@link io.github.puavomirror.cli.rdiff.RdiffCommand} and
 * {@link io.github.puavomirror.cli.rdiff.DiffCommand}, which {@code PuavoMirrorCommand}
 * registers, and {@link io.github.puavomirror.cli.rdiff.FileNames#reason}, the wording of file
 * errors the mirror commands share. Everything else is internal.
 */
package io.github.puavomirror.cli.rdiff;
