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
package io.github.puavomirror.mirror.job;

/**
 * The operations every front end offers, each with one request class that holds and checks its
 * parameters ({@link JobParameter#of(Operation)} lists them). A new operation adds a constant
 * here, its parameters to {@link JobParameter}, and a request whose {@code check()} throws
 * {@link InvalidParameterException}; the front ends' contract tests then fail until each of them
 * offers it.
 */
public enum Operation {
    /** Publish images, rdiffs, metas and CKSUMS: {@link MirrorJob} with a {@link MirrorRequest}. */
    MIRROR,
    /** Check a published mirror: {@link MirrorVerify} with a {@link VerifyRequest}. */
    VERIFY,
    /** Remove what no meta lists: {@link MirrorPrune} with a {@link PruneRequest}. */
    PRUNE,
    /** Copy chosen series of a served mirror: {@code sync.SyncJob} with a {@code sync.SyncRequest}. */
    SYNC,
    /** Put a mirror where its clients fetch it: {@code upload.Upload} with an {@code upload.UploadRequest}. */
    UPLOAD
}
