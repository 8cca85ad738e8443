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
 * The Ant tasks {@code update-repository}, {@code verify}, {@code prune}, {@code sync} and {@code upload},
 * loaded through this package's {@code antlib.xml}. They only translate attributes into the requests of the
 * job, sync and upload packages, and their events and errors into the build log. Public API, for users of the
 * tasks: the task classes and their setters (the attributes and nested elements); the shared base
 * {@code PuavoTask} is internal.
 */
package io.github.puavomirror.mirror.ant;
