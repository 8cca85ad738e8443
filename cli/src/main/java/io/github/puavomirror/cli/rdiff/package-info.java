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
