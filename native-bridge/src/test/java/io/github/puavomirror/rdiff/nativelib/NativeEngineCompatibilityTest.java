package io.github.puavomirror.rdiff.nativelib;

import io.github.puavomirror.rdiff.RdiffCompatibilitySuite;
import io.github.puavomirror.rdiff.RdiffEngine;

/** Runs the rdiff 2.3.2 byte-compatibility suite against the system librsync. */
class NativeEngineCompatibilityTest extends RdiffCompatibilitySuite {

    @Override
    protected RdiffEngine engine() {
        return NativeAvailability.engine();
    }
}
