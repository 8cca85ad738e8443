package io.github.puavomirror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The {@code puavo-mirror} command. Each job is a subcommand: add its class to
 * {@code subcommands}, reach the process streams through {@link #io()} from a
 * {@code @ParentCommand} field, and throw {@link CliFailure} for a one-line error. Exit codes are
 * 2 for usage errors and 1 for failures unless the subcommand implements {@link ExitCodePolicy}.
 */
@Command(name = "puavo-mirror",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Publishes Puavo OS image mirrors with librsync-compatible rdiffs.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            UpdateRepositoryCommand.class,
            VerifyCommand.class,
            PruneCommand.class,
            DemoCommand.class,
            RdiffCommand.class,
            DiffCommand.class,
            HelpCommand.class,
        },
        footer = {"", "Exit status: 0 done, 1 failed, 2 usage error; rdiff exits with rdiff's codes."})
public final class PuavoMirrorCommand implements Callable<Integer> {
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
        CommandLine cl = new CommandLine(new PuavoMirrorCommand(io));
        // rdiff (popt) lets a repeated option override the earlier one.
        cl.setOverwrittenOptionsAllowed(true);
        // rdiff takes "@name" as a file name, not as a file of arguments.
        cl.setExpandAtFiles(false);
        cl.setOut(io.outWriter());
        cl.setErr(io.errWriter());
        ErrorReporter reporter = new ErrorReporter(io.err());
        cl.setParameterExceptionHandler(reporter);
        cl.setExecutionExceptionHandler(reporter);
        return cl;
    }
}
