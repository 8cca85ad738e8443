/**
 * The Maven plugin {@code puavo-maven-plugin}: the goals {@code mirror}, {@code verify}, {@code prune},
 * {@code sync} and {@code upload}, which turn their parameters into mirror-core's requests and its events
 * into the build log. Public API, for users of the plugin: the mojos' parameters and the pom configuration
 * types {@link io.github.puavomirror.maven.Series} and {@link io.github.puavomirror.maven.ExtraRdiff}.
 * The shared mojo base, the log listener and the series converter are internal.
 */
package io.github.puavomirror.maven;
