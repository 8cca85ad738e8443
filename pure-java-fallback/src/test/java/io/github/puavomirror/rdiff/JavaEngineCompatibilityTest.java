package io.github.puavomirror.rdiff;

/** Runs the rdiff 2.3.2 byte-compatibility suite against the pure-Java engine. */
class JavaEngineCompatibilityTest extends RdiffCompatibilitySuite {
    private final RdiffEngine engine = new JavaRdiffEngine();

    @Override
    protected RdiffEngine engine() {
        return engine;
    }
}
