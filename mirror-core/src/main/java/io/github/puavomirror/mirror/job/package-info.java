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
 * The operations on a mirror and their contract with the front ends (the CLI, the Maven plugin,
 * the Ant tasks). Public API: one request per {@link io.github.puavomirror.mirror.job.Operation}
 * ({@link io.github.puavomirror.mirror.job.MirrorRequest},
 * {@link io.github.puavomirror.mirror.job.VerifyRequest},
 * {@link io.github.puavomirror.mirror.job.PruneRequest}) whose {@code check()} holds every rule
 * about its parameters; the operations that run them ({@link io.github.puavomirror.mirror.job.MirrorJob},
 * {@link io.github.puavomirror.mirror.job.MirrorVerify}, {@link io.github.puavomirror.mirror.job.MirrorPrune});
 * the parameters' one vocabulary ({@link io.github.puavomirror.mirror.job.JobParameter}) with
 * usage errors that each front end words in its own spelling
 * ({@link io.github.puavomirror.mirror.job.ParameterNames}); and one stream of
 * {@link io.github.puavomirror.mirror.job.MirrorEvent}s for every front end to render, with
 * {@link io.github.puavomirror.mirror.job.ProgressLines} for logs; the series a build file declares
 * ({@link io.github.puavomirror.mirror.job.SeriesDeclaration}, Maven's and Ant's {@code <series>}).
 * {@code MirrorLayout}, {@code MirrorLock},
 * {@code MetaWriter}, {@code Parallel}, {@code IoErrors} and {@code RequestChecks} are public for the sync,
 * upload and http packages, not for the front ends. Everything package-private is the jobs' own machinery
 * (state, staging, scans, builders).
 */
package io.github.puavomirror.mirror.job;
