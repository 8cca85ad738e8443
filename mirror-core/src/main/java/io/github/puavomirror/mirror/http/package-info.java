/**
 * A mirror served over HTTP(S), as its clients see it (docs/client-flow.md). Public API, for the front ends:
 * {@link io.github.puavomirror.mirror.http.ServedVerify} with its
 * {@link io.github.puavomirror.mirror.http.ServedVerifyRequest} ({@code verify} of a URL) and
 * {@link io.github.puavomirror.mirror.http.ServedMirror} (the served layout); {@code MirrorHttp}, the HTTP
 * client with retries, a site CA and proxies, is public for the sync package. Proxy and trust details are internal.
 */
package io.github.puavomirror.mirror.http;
