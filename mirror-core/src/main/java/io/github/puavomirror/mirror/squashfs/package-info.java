/**
 * A read-only squashfs reader (gzip, lzo, lz4, xz, zstd), so that puavo-conf definitions are read from
 * images without mounting them and without root. Its public types ({@code SquashfsImage}, its inodes,
 * directory entries and exceptions) serve {@link io.github.puavomirror.mirror.PuavoConfReader} in the
 * parent package; they are not an API for the front ends. Block decompression and metadata reading are internal.
 */
package io.github.puavomirror.mirror.squashfs;
