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
 * The engine contract over the system {@code librsync.so.2} through JNA, and the engine choice.
 * Public API, for mirror-core and the CLI: {@link io.github.puavomirror.rdiff.nativelib.Engines}, which
 * picks {@code auto}, {@code java} or {@code native}; {@link io.github.puavomirror.rdiff.nativelib.NativeRdiffEngine}
 * (its spool file name, for the mirror's layout) and {@link io.github.puavomirror.rdiff.nativelib.NativeLibraryLoader}
 * (for tests that need librsync). The JNA bindings, {@code FILE*} plumbing and the {@code auto} engine are internal.
 */
package io.github.puavomirror.rdiff.nativelib;
