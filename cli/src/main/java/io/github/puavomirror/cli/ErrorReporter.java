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

import io.github.puavomirror.cli.rdiff.FileNames;
import io.github.puavomirror.mirror.job.OutOfHeapException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Prints every error as one line on stderr, {@code puavo-mirror: SUBJECT: PROBLEM}, with the stack
 * trace only under {@code --debug}, and picks the exit code through the command's
 * {@link ExitCodePolicy}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final String PROGRAM = "puavo-mirror";

    private final PrintStream err;

    ErrorReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        err.println(PROGRAM + ": " + usageProblem(ex, cmd)
                + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodePolicy.of(cmd.getCommand()).usageError();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        String line;
        if (ex instanceof CliFailure f) {
            line = f.line();
        } else if (ex instanceof IOException io) {
            line = FileNames.reason(io);
        } else {
            line = "internal error: " + ex + (debug(parseResult) ? "" : " (--debug shows where)");
        }
        err.println(PROGRAM + ": " + line);
        if (debug(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodePolicy.of(cmd.getCommand()).failure(ex);
    }

    /**
     * An OutOfMemoryError that no command turned into a failure: one line saying what ran out and
     * how to give more, the exit code of the command that ran (rdiff: RS_MEM_ERROR).
     */
    int handleOutOfMemory(OutOfMemoryError e, ParseResult parseResult) {
        ParseResult ran = parseResult;
        while (ran.subcommand() != null) {
            ran = ran.subcommand();
        }
        CliFailure failure = CliFailure.outOfHeap(OutOfHeapException.of(e));
        err.println(PROGRAM + ": " + failure.line());
        if (debug(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodePolicy.of(ran.commandSpec().userObject()).failure(failure);
    }

    private static String usageProblem(ParameterException ex, CommandLine cmd) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-") && arg.length() > 1) {
                return "unknown option: " + arg;
            }
            return (cmd.getSubcommands().isEmpty() ? "unexpected argument: " : "unknown command: ") + arg;
        }
        // picocli capitalises its messages; ours continue after "puavo-mirror: ".
        String message = ex.getMessage() == null ? "bad syntax" : ex.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** {@code --debug} is inherited by subcommands, so it may have been given at any level. */
    private static boolean debug(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
