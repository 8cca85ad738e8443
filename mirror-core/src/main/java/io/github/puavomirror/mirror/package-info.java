/**
 * What a Puavo image mirror is made of (docs/mirror-layout.md): image names and series, the rdiff plan,
 * {@code meta/<series>.json}, {@code CKSUMS}, the repository URL, puavo-os config files, checksums, puavo-conf
 * read from images, and atomic file replacement. The front ends use {@link io.github.puavomirror.mirror.ImageName},
 * {@link io.github.puavomirror.mirror.ImageSeries}, {@link io.github.puavomirror.mirror.RepositoryUrl},
 * {@link io.github.puavomirror.mirror.Sizes} and {@link io.github.puavomirror.mirror.AtomicFiles}; the other public
 * types serve mirror-core's job, http, sync and upload packages. {@code RubyJson} is internal.
 */
package io.github.puavomirror.mirror;
