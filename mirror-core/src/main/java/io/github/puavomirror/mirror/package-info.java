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
 * What a Puavo image mirror is made of (docs/mirror-layout.md): image names and series, the rdiff plan,
 * {@code meta/<series>.json}, {@code CKSUMS}, the repository URL, puavo-os config files, checksums, puavo-conf
 * read from images, and atomic file replacement. The front ends use {@link io.github.puavomirror.mirror.ImageName},
 * {@link io.github.puavomirror.mirror.ImageSeries}, {@link io.github.puavomirror.mirror.RepositoryUrl},
 * {@link io.github.puavomirror.mirror.Sizes} and {@link io.github.puavomirror.mirror.AtomicFiles}; the other public
 * types serve mirror-core's job, http, sync and upload packages. {@code RubyJson} is internal.
 */
package io.github.puavomirror.mirror;
