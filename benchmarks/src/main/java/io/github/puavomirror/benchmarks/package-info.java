/**
 * Measurements, not tests: JMH benchmarks of the Java engine and its hashes ({@code EngineBenchmark},
 * {@code StrongSumBenchmark}, {@code WeakSumBenchmark}), {@link io.github.puavomirror.benchmarks.SideBySide},
 * which times rdiff and the engines on a generated pair and compares every output, {@code LiteralCost}, and
 * the seeded pair generators {@code SimilarPair} and {@code SquashfsPair}. The public classes are entry points
 * for JMH and for running by hand, not an API; {@code BenchmarkAccess}, in this module's part of the engine's
 * package, opens the engine's internal hashes to them.
 */
package io.github.puavomirror.benchmarks;
