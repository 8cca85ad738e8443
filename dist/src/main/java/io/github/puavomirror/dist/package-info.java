/**
 * Build-time tooling of the {@code dist} module: {@link io.github.puavomirror.dist.PackageDocs} writes
 * the man pages, the bash completion and the Debian changelog entry from the CLI's picocli model. It runs
 * during the build only; nothing here is an API.
 */
package io.github.puavomirror.dist;
