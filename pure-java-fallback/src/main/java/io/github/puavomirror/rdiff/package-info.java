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
