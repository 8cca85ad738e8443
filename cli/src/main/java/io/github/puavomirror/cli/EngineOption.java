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
package io.github.puavomirror.cli;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.SignatureParams;
import io.github.puavomirror.rdiff.nativelib.Engines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

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
        return select(engines, verbose, err, null);
    }

    /**
     * {@link #select(EngineSelector, boolean, PrintStream)} for a one-step diff whose basis is a
     * regular file, with these settings resolved for its length; null when it is not.
     */
    public RdiffEngine select(EngineSelector engines, boolean verbose, PrintStream err, SignatureParams diffParams)
            throws CliFailure {
        Consumer<String> report = line -> {
            if (verbose) {
                err.println("puavo-mirror: engine " + line);
            }
        };
        try {
            return diffParams == null ? engines.select(name(), report)
                    : engines.selectForDiff(name(), report, diffParams);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(null, e.getMessage(), RdiffResult.SYNTAX_ERROR, ExitCodePolicy.USAGE, e);
        }
    }
}
