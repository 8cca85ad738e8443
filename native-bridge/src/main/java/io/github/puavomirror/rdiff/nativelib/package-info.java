/**
 * The engine contract over the system {@code librsync.so.2} through JNA, and the engine choice.
 * Public API, for mirror-core and the CLI: {@link io.github.puavomirror.rdiff.nativelib.Engines}, which
 * picks {@code auto}, {@code java} or {@code native}; {@link io.github.puavomirror.rdiff.nativelib.NativeRdiffEngine}
 * (its spool file name, for the mirror's layout) and {@link io.github.puavomirror.rdiff.nativelib.NativeLibraryLoader}
 * (for tests that need librsync). The JNA bindings, {@code FILE*} plumbing and the {@code auto} engine are internal.
 */
package io.github.puavomirror.rdiff.nativelib;
