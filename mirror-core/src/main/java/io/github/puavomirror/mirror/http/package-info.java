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
 * A mirror served over HTTP(S), as its clients see it (docs/client-flow.md). Public API, for the front ends:
 * {@link io.github.puavomirror.mirror.http.ServedVerify} with its
 * {@link io.github.puavomirror.mirror.http.ServedVerifyRequest} ({@code verify} of a URL) and
 * {@link io.github.puavomirror.mirror.http.ServedMirror} (the served layout); {@code MirrorHttp}, the HTTP
 * client with retries, a site CA and proxies, is public for the sync package. Proxy and trust details are internal.
 */
package io.github.puavomirror.mirror.http;
