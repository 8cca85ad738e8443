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
