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
 * Measurements, not tests: JMH benchmarks of the Java engine and its hashes ({@code EngineBenchmark},
 * {@code StrongSumBenchmark}, {@code WeakSumBenchmark}), {@link io.github.puavomirror.benchmarks.SideBySide},
 * which times rdiff and the engines on a generated pair and compares every output, {@code LiteralCost}, and
 * the seeded pair generators {@code SimilarPair} and {@code SquashfsPair}. The public classes are entry points
 * for JMH and for running by hand, not an API; {@code BenchmarkAccess}, in this module's part of the engine's
 * package, opens the engine's internal hashes to them.
 */
package io.github.puavomirror.benchmarks;
