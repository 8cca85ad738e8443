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
package io.github.puavomirror.cli.rdiff;

import io.github.puavomirror.cli.CliFailure;
import io.github.puavomirror.cli.CliIo;
import io.github.puavomirror.cli.EngineOption;
import io.github.puavomirror.cli.PuavoMirrorCommand;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.TemporaryFiles;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * One-step delta: the bytes of {@code rdiff [opts] signature OLD SIG && rdiff delta SIG NEW DELTA}
 * without writing SIG.
 */
@Command(name = "diff",
        description = {
            "Write the delta that turns OLD into NEW, without a signature file.",
            "The bytes equal: rdiff [OPTIONS] signature OLD SIG && rdiff delta SIG NEW DELTA",
        },
        sortOptions = false)
public final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    PuavoMirrorCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    SignatureArgs signatureArgs;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing DELTA.")
    boolean force;

    @Option(names = {"-s", "--statistics"}, description = "Print rdiff's delta statistics line.")
    boolean statistics;

    @Option(names = {"-v", "--verbose"}, description = "Say which engine runs.")
    boolean verbose;

    @Mixin
    EngineOption engineOption;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "OLD", description = "The basis (- for stdin).")
    String oldName;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new file (- for stdin).")
    String newName;

    @Parameters(index = "2", arity = "0..1", paramLabel = "DELTA", description = "The delta (- or none for stdout).")
    String deltaName;

    @Override
    public Integer call() throws Exception {
        SignatureOptions options = new SignatureOptions(signatureArgs.type(), signatureArgs.blockLength(),
                signatureArgs.strongLength());
        if (FileNames.isStdio(oldName) && FileNames.isStdio(newName)) {
            throw new ParameterException(spec.commandLine(), "OLD and NEW cannot both be standard input");
        }
        CliIo io = parent.io();
        RdiffEngine engine = engineOption.select(parent.engines(), verbose, io.err(), diffParams(options));
        try (InputSource old = InputSource.open(oldName, io);
             InputSource next = InputSource.open(newName, io);
             OutputTarget out = OutputTarget.open(deltaName, force, io.out())) {
            long start = EngineRun.now();
            Path outFile = EngineRun.outputFile(out, old, next);
            RdiffStats stats;
            if (outFile != null) {
                stats = EngineRun.runOnFiles(() -> engine.diff(old.regularFile(), next.regularFile(), outFile, options),
                        old.displayName(), out, old, next);
            } else if (old.regularFile() != null && next.regularFile() != null) {
                stats = EngineRun.run(() -> engine.diff(old.regularFile(), next.regularFile(), out.stream(), options),
                        old.displayName(), out, old, next);
            } else {
                stats = EngineRun.run(() -> throughSignature(engine, old, next, out, options),
                        old.displayName(), out, old, next);
            }
            EngineRun.commit(out);
            if (statistics) {
                long in = next.regularFile() != null ? next.length() : next.stream().count();
                io.err().println(StatsFormat.line(StatsFormat.Counts.of("delta", stats, in, out.written()),
                        EngineRun.now() - start));
            }
        } catch (IOException e) {
            throw CliFailure.failed(null, FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
        return 0;
    }

    /** The settings resolved for OLD when it is a regular file (the engine may then be picked by them), else null. */
    private SignatureParams diffParams(SignatureOptions options) {
        try {
            if (FileNames.isStdio(oldName) || !Files.isRegularFile(Path.of(oldName))) {
                return null;
            }
            return options.resolve(Files.size(Path.of(oldName)));
        } catch (IOException | InvalidPathException e) {
            // Unreadable OLD or bad sizes: the engine is picked as before, and opening OLD or
            // running the engine reports the problem as the command always has.
            return null;
        }
    }

    /**
     * For a stream (stdin, a FIFO) the signature must be sized as rdiff sizes a pipe, so it is made
     * from the stream into a temporary file, then used for the delta.
     */
    private static RdiffStats throughSignature(RdiffEngine engine, InputSource old, InputSource next,
                                               OutputTarget out, SignatureOptions options) throws IOException {
        Path sig = Files.createTempFile("puavo-mirror-sig", ".tmp");
        TemporaryFiles.register(sig);
        try {
            try (OutputStream s = new BufferedOutputStream(Files.newOutputStream(sig), 1 << 16)) {
                engine.signature(old.stream(), old.length(), s, options);
            }
            try (InputStream s = new BufferedInputStream(Files.newInputStream(sig), 1 << 16)) {
                return engine.delta(s, next.stream(), out.stream());
            }
        } finally {
            Files.deleteIfExists(sig);
            TemporaryFiles.release(sig);
        }
    }
}
