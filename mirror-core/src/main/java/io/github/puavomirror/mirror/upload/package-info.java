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
 * {@code upload}: puts a mirror on the server clients fetch from, files before metas before CKSUMS
 * (docs/mirror-layout.md §10). Public API, for the front ends: {@link io.github.puavomirror.mirror.upload.Upload},
 * {@link io.github.puavomirror.mirror.upload.UploadRequest}, {@link io.github.puavomirror.mirror.upload.UploadReport}
 * and {@link io.github.puavomirror.mirror.upload.S3Settings}. The destinations (rsync, S3, a folder) and the
 * grace-period record are internal.
 */
package io.github.puavomirror.mirror.upload;
