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
 * librsync 2.3.2's signature, delta and patch in pure Java, writing rdiff's bytes (docs/rdiff-formats.md,
 * docs/matching.md). Public API, for native-bridge, mirror-core and the CLI: the engine contract
 * {@link io.github.puavomirror.rdiff.RdiffEngine} and its Java implementation
 * {@link io.github.puavomirror.rdiff.JavaRdiffEngine}, the signature settings ({@code SignatureOptions},
 * {@code SignatureParams}, {@code SignatureType}), {@code SignatureHeader} (a signature file's header, read
 * and checked as librsync loads it), {@code RdiffStats}, {@code RdiffResult} with {@code RdiffException},
 * and {@code TemporaryFiles}; {@code DeltaCommands} and {@code WeakSums} are public
 * for tests and benchmarks. Everything package-private (matcher, index, hashes, patcher) is internal.
 */
package io.github.puavomirror.rdiff;
