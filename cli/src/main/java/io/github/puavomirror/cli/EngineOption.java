package io.github.puavomirror.cli;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.nativelib.Engines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;

/** {@code --engine=auto|java|native}, for every command that runs an rdiff engine. */
public final class EngineOption {
    private static final List<String> CHOICES = List.of("auto", "java", "native");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "auto (librsync when it loads, else Java), java or native; "
                    + "default: $" + Engines.ENV + ", else auto.")
    String choice;

    /**
     * The choice as given, checked, for jobs that pick the engine themselves; null means the
     * environment's choice.
     */
    public String name() {
        if (choice != null && !CHOICES.contains(choice)) {
            throw new ParameterException(mixee.commandLine(),
                    "unknown engine '" + choice + "' (expected auto, java or native)");
        }
        return choice;
    }

    /**
     * The engine {@code engines} gives for the choice; with {@code verbose}, says on {@code err}
     * which one and why.
     *
     * @throws CliFailure when the engine cannot be had (a usage error: the user asked for it)
     */
    public RdiffEngine select(EngineSelector engines, boolean verbose, PrintStream err) throws CliFailure {
        try {
            return engines.select(name(), report -> {
                if (verbose) {
                    err.println("puavo-mirror: engine " + report);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new CliFailure(null, e.getMessage(), RdiffResult.SYNTAX_ERROR, ExitCodePolicy.USAGE, e);
        }
    }
}
