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
