package io.github.puavomirror.rdiff.nativelib;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.puavomirror.rdiff.RdiffEngine;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips tests that need librsync on a machine without it, but fails them in CI ({@code CI=true}),
 * where a silent skip would hide a broken setup (the rdiff binary is the shared
 * {@code RdiffBinary}'s).
 */
final class NativeAvailability {
    private NativeAvailability() {
    }

    private static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** The native engine, or a skip (a failure in CI) when librsync does not load. */
    static RdiffEngine engine() {
        NativeLibraryLoader.Result r = NativeLibraryLoader.load();
        if (!r.available()) {
            missing("librsync is not available: " + r.reason());
        }
        return r.engine();
    }

    private static void missing(String why) {
        if (inCi()) {
            fail(why + " (CI=true: install librsync2)");
        }
        Assumptions.abort(why);
    }
}
