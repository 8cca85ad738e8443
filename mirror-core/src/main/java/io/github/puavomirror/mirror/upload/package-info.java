/**
 * {@code upload}: puts a mirror on the server clients fetch from, files before metas before CKSUMS
 * (docs/mirror-layout.md §10). Public API, for the front ends: {@link io.github.puavomirror.mirror.upload.Upload},
 * {@link io.github.puavomirror.mirror.upload.UploadRequest}, {@link io.github.puavomirror.mirror.upload.UploadReport}
 * and {@link io.github.puavomirror.mirror.upload.S3Settings}. The destinations (rsync, S3, a folder) and the
 * grace-period record are internal.
 */
package io.github.puavomirror.mirror.upload;
