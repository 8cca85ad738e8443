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

import io.github.puavomirror.cli.rdiff.DiffCommand;
import io.github.puavomirror.cli.rdiff.RdiffCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code puavo-mirror} command. Each job is a subcommand: add its class to
 * {@link #SUBCOMMANDS}, reach the process streams through {@link #io()} from a
 * {@code @ParentCommand} field, and throw {@link CliFailure} for a one-line error. Exit codes are
 * 2 for usage errors and 1 for failures unless the subcommand implements {@link ExitCodePolicy}.
 */
@Command(name = "puavo-mirror",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Publishes Puavo OS image mirrors with librsync-compatible rdiffs.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit status: 0 done, 1 failed, 2 usage error; rdiff exits with rdiff's codes."})
public final class PuavoMirrorCommand implements Callable<Integer> {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            UpdateRepositoryCommand.class,
            VerifyCommand.class,
            PruneCommand.class,
            SyncCommand.class,
            UploadCommand.class,
            DemoCommand.class,
            RdiffCommand.class,
            DiffCommand.class,
            HelpCommand.class);

    private final CliIo io;
    private final EngineSelector engines;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean debug;

    public PuavoMirrorCommand(CliIo io, EngineSelector engines) {
        this.io = io;
        this.engines = engines;
    }

    /** The process streams, for subcommands. */
    public CliIo io() {
        return io;
    }

    /** Where subcommands that run an engine themselves get it ({@link EngineOption#select}). */
    public EngineSelector engines() {
        return engines;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** The configured command line: picocli parsing with rdiff-like leniency and our error lines. */
    public static CommandLine commandLine(CliIo io) {
        return commandLine(io, EngineSelector.SYSTEM, null);
    }

    /**
     * The command line for {@code args}: when they name a subcommand, only that one is built.
     * picocli builds each subcommand's model by reflection, which was a third of the start-up
     * time of a short {@code rdiff} step; usage and help still list every subcommand.
     */
    public static CommandLine commandLine(CliIo io, EngineSelector engines, String[] args) {
        CommandLine cl = new CommandLine(new PuavoMirrorCommand(io, engines));
        Class<?> named = args == null ? null : named(args);
        for (Class<?> sub : SUBCOMMANDS) {
            if (named == null || sub == named) {
                cl.addSubcommand(sub);
            }
        }
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                PuavoMirrorCommand::commandList);
        // rdiff (popt) lets a repeated option override the earlier one.
        cl.setOverwrittenOptionsAllowed(true);
        // rdiff takes "@name" as a file name, not as a file of arguments.
        cl.setExpandAtFiles(false);
        cl.setOut(io.outWriter());
        cl.setErr(io.errWriter());
        ErrorReporter reporter = new ErrorReporter(io.err());
        cl.setParameterExceptionHandler(reporter);
        cl.setExecutionExceptionHandler(reporter);
        // picocli hands only Exceptions to the handler; an Error would end in a raw stack trace.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (OutOfMemoryError e) {
                return reporter.handleOutOfMemory(e, parseResult);
            }
        });
        return cl;
    }

    /**
     * The command list with each command's {@link #summary}: picocli's own shows the first line of
     * a description, which for most commands stops mid-sentence.
     */
    private static String commandList(CommandLine.Help help) {
        Map<String, String> rows = new LinkedHashMap<>();
        help.subcommands().forEach((name, sub) -> rows.put(name, summary(sub.commandSpec())));
        return rows.isEmpty() ? "" : help.createTextTable(rows).toString();
    }

    /**
     * A command's header, or else the first sentence of its description, for lists of commands (the
     * man pages' too); picocli's line breaks ({@code %n}) become spaces.
     */
    public static String summary(CommandSpec command) {
        String[] header = command.usageMessage().header();
        String text = plainText(header.length > 0 ? header : command.usageMessage().description());
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** Lines of a picocli usage text as one paragraph of plain text. */
    public static String plainText(String[] lines) {
        return String.join(" ", lines).replace("%n", " ").replace("%%", "%").replaceAll("\\s+", " ").strip();
    }

    /** The subcommand that the first argument which is not an option names, or null. */
    private static Class<?> named(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            for (Class<?> sub : SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (c.name().equals(a) || Arrays.asList(c.aliases()).contains(a)) {
                    return sub == HelpCommand.class ? null : sub;
                }
            }
            return null;
        }
        return null;
    }
}
