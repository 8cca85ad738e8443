package io.github.puavomirror.rdiff.nativelib;

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;

import java.util.function.Consumer;

/**
 * Picks the engine for a job: {@code auto} (librsync when it loads, else Java), {@code java} or
 * {@code native}. The choice may also come from the {@code PUAVO_MIRROR_ENGINE} environment variable.
 */
public final class Engines {
    /** Environment variable consulted when no engine is given explicitly. */
    public static final String ENV = "PUAVO_MIRROR_ENGINE";

    private Engines() {
    }

    /**
     * Returns the engine for {@code choice} ({@code auto}, {@code java}, {@code native}; null or
     * empty means the environment variable, then {@code auto}) and reports once, through
     * {@code report}, which engine was picked and why.
     *
     * @throws IllegalArgumentException for an unknown choice, or {@code native} when librsync
     *                                  cannot be loaded (the message says why)
     */
    public static RdiffEngine select(String choice, Consumer<String> report) {
        String c = choice == null || choice.isEmpty() ? System.getenv(ENV) : choice;
        if (c == null || c.isEmpty()) {
            c = "auto";
        }
        switch (c) {
            case "java":
            case "auto": {
                RdiffEngine e = new JavaRdiffEngine();
                report.accept(e.description());
                return e;
            }
            case "native":
                throw new IllegalArgumentException("engine 'native' is not available yet");
            default:
                throw new IllegalArgumentException("unknown engine '" + c + "' (expected auto, java or native)");
        }
    }
}
