/**
 * The {@code puavo-mirror} command line (picocli): {@link io.github.puavomirror.cli.Main}, the
 * top command {@link io.github.puavomirror.cli.PuavoMirrorCommand} and the mirror commands
 * (update-repository, verify, prune, sync, upload, demo) over mirror-core's jobs, with their
 * shared options, progress display, error lines and exit codes. The rdiff stand-in is in
 * {@code io.github.puavomirror.cli.rdiff}.
 *
 * <p>Public API, for the launchers, dist's man pages and completion, and tests:
 * {@code Main}, {@code PuavoMirrorCommand} (its picocli model and {@code io()}/{@code engines()}
 * for subcommands), the subcommand classes, {@code CliIo} (the process streams),
 * {@code EngineSelector} with {@code EngineOption}, {@code CliFailure}, {@code ExitCodePolicy},
 * {@code Version} and {@code StartupTraining} (run at build time for the start-up archive).
 * Everything package-private is internal.
 */
package io.github.puavomirror.cli;
