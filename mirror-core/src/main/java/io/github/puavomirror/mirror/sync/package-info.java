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
 * {@code sync}: keeps a local mirror of chosen series of another served Puavo image repository, with the
 * job package's lock and publish order. Public API, for the front ends: {@link io.github.puavomirror.mirror.sync.SyncJob},
 * {@link io.github.puavomirror.mirror.sync.SyncRequest} and {@link io.github.puavomirror.mirror.sync.SyncSummary}.
 * The checksum cache of held files and the conditional cache of upstream's metas are internal.
 */
package io.github.puavomirror.mirror.sync;
