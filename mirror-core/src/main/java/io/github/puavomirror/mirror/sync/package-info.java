/**
 * {@code sync}: keeps a local mirror of chosen series of another served Puavo image repository, with the
 * job package's lock and publish order. Public API, for the front ends: {@link io.github.puavomirror.mirror.sync.SyncJob},
 * {@link io.github.puavomirror.mirror.sync.SyncRequest} and {@link io.github.puavomirror.mirror.sync.SyncSummary}.
 * The checksum cache of held files and the conditional cache of upstream's metas are internal.
 */
package io.github.puavomirror.mirror.sync;
