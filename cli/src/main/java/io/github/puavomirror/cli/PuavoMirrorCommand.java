package io.github.puavomirror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.List;
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
            DemoCommand.class,
            RdiffCommand.class,
            DiffCommand.class,
            HelpCommand.class);

    private final CliIo io;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean debug;

    public PuavoMirrorCommand(CliIo io) {
        this.io = io;
    }

    /** The process streams, for subcommands. */
    public CliIo io() {
        return io;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** The configured command line: picocli parsing with rdiff-like leniency and our error lines. */
    public static CommandLine commandLine(CliIo io) {
        return commandLine(io, null);
    }

    /**
     * The command line for {@code args}: when they name a subcommand, only that one is built.
     * picocli builds each subcommand's model by reflection, which was a third of the start-up
     * time of a short {@code rdiff} step; usage and help still list every subcommand.
     */
    public static CommandLine commandLine(CliIo io, String[] args) {
        CommandLine cl = new CommandLine(new PuavoMirrorCommand(io));
        Class<?> named = args == null ? null : named(args);
        for (Class<?> sub : SUBCOMMANDS) {
            if (named == null || sub == named) {
                cl.addSubcommand(sub);
            }
        }
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
