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
 * A read-only squashfs reader (gzip, lzo, lz4, xz, zstd), so that puavo-conf definitions are read from
 * images without mounting them and without root. Its public types ({@code SquashfsImage}, its inodes,
 * directory entries and exceptions) serve {@link io.github.puavomirror.mirror.PuavoConfReader} in the
 * parent package; they are not an API for the front ends. Block decompression and metadata reading are internal.
 */
package io.github.puavomirror.mirror.squashfs;
