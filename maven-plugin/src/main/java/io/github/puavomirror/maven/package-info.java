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
 * The Maven plugin {@code puavo-maven-plugin}: the goals {@code mirror}, {@code verify}, {@code prune},
 * {@code sync} and {@code upload}, which turn their parameters into mirror-core's requests and its events
 * into the build log. Public API, for users of the plugin: the mojos' parameters and the pom configuration
 * types {@link io.github.puavomirror.maven.Series} and {@link io.github.puavomirror.maven.ExtraRdiff}.
 * The shared mojo base, the log listener and the series converter are internal.
 */
package io.github.puavomirror.maven;
