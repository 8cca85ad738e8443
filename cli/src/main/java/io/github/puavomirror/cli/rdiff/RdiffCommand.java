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
import io.github.puavomirror.cli.ExitCodePolicy;
import io.github.puavomirror.cli.PuavoMirrorCommand;
import io.github.puavomirror.cli.Version;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A stand-in for librsync 2.3.2's {@code rdiff}: the same actions, options, defaults, output
 * bytes, {@code -s} lines and exit codes (librsync result codes), checked in the same order.
 */
@Command(name = "rdiff",
        description = "librsync 2.3.2's rdiff: the same options, output bytes and exit codes.",
        customSynopsis = {
            "puavo-mirror rdiff [OPTIONS] signature [BASIS [SIGNATURE]]",
            "                          [OPTIONS] delta SIGNATURE [NEWFILE [DELTA]]",
            "                          [OPTIONS] patch BASIS [DELTA [NEWFILE]]",
        },
        versionProvider = RdiffCommand.VersionProvider.class,
        sortOptions = false,
        footer = {
            "",
            "Actions may be abbreviated (sig, d, p). A missing file or - is stdin or stdout.",
            "Exit status: 0 done, 100 I/O error, 101 bad syntax, 103 input ended,",
            "104 bad magic, 106 corrupt input, 108 bad parameter.",
        })
public final class RdiffCommand implements Callable<Integer>, ExitCodePolicy {
    private static final String[] ACTIONS = {"signature", "delta", "patch"};

    @ParentCommand
    PuavoMirrorCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Say which engine runs.")
    boolean verbose;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show program version.")
    boolean version;

    @Option(names = {"-h", "-?", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Option(names = {"-s", "--statistics", "--stats"}, description = "Show performance statistics.")
    boolean statistics;

    @Option(names = {"-f", "--force"}, description = "Force overwriting existing files.")
    boolean force;

    @Mixin
    SignatureArgs signatureArgs;

    @Option(names = {"-I", "--input-size"}, paramLabel = "BYTES",
            description = "Input buffer size (accepted; the output does not depend on it).")
    String inputSize;

    @Option(names = {"-O", "--output-size"}, paramLabel = "BYTES",
            description = "Output buffer size (accepted; the output does not depend on it).")
    String outputSize;

    @Mixin
    EngineOption engineOption;

    @Parameters(paramLabel = "ARG", description = "The action, then its files.")
    List<String> args = new ArrayList<>();

    @Override
    public int usageError() {
        return RdiffResult.SYNTAX_ERROR.code();
    }

    /** librsync's result codes: the failure's own, 100 for I/O, 107 for anything unexpected. */
    @Override
    public int failure(Throwable error) {
        if (error instanceof CliFailure f) {
            return f.rdiffResult().code();
        }
        if (error instanceof RdiffException e) {
            return e.result().code();
        }
        if (error instanceof IOException) {
            return RdiffResult.IO_ERROR.code();
        }
        return RdiffResult.INTERNAL_ERROR.code();
    }

    @Override
    public Integer call() throws Exception {
        // popt rejects a bad number while reading options, before anything else.
        int blockLength = signatureArgs.blockLength();
        int strongLength = signatureArgs.strongLength();
        // -I/-O size librsync's buffers; the engines have none to size, so they are only checked.
        signatureArgs.number(inputSize);
        signatureArgs.number(outputSize);

        String action = args.isEmpty() ? null : args.get(0);
        if (action == null || actionIndex(action) < 0) {
            throw usage("you must specify an action: 'signature', 'delta', or 'patch'");
        }
        CliIo io = parent.io();
        RdiffEngine engine = engineOption.select(parent.engines(), verbose, io.err());
        switch (actionIndex(action)) {
            case 0:
                signature(engine, new SignatureOptions(null, blockLength, strongLength));
                break;
            case 1:
                delta(engine);
                break;
            default:
                patch(engine);
                break;
        }
        return 0;
    }

    /** rdiff's isprefix: any prefix of an action names it, even the empty one, checked in order. */
    private static int actionIndex(String word) {
        for (int i = 0; i < ACTIONS.length; i++) {
            if (ACTIONS[i].startsWith(word)) {
                return i;
            }
        }
        return -1;
    }

    private void signature(RdiffEngine engine, SignatureOptions sizes) throws CliFailure {
        CliIo io = parent.io();
        try (InputSource basis = InputSource.open(arg(1), io);
             OutputTarget out = OutputTarget.open(arg(2), force, io.out())) {
            noMoreArgs(3);
            SignatureOptions options = sizes.withType(signatureArgs.type());
            long start = EngineRun.now();
            Path outFile = EngineRun.outputFile(out, basis);
            if (outFile != null) {
                EngineRun.runOnFiles(() -> engine.signature(basis.regularFile(), outFile, options),
                        basis.displayName(), out, basis);
            } else {
                EngineRun.run(() -> engine.signature(basis.stream(), basis.length(), out.stream(), options),
                        basis.displayName(), out, basis);
            }
            EngineRun.commit(out);
            if (statistics) {
                SignatureParams params = resolve(options, basis);
                long in = outFile != null ? basis.length() : basis.stream().count();
                printStats(StatsFormat.Counts.signature("signature", params.blockCount(in), params.blockLength(),
                        in, out.written()), start);
            }
        } catch (IOException e) {
            throw closeFailure(e);
        }
    }

    private void delta(RdiffEngine engine) throws CliFailure {
        CliIo io = parent.io();
        if (arg(1) == null) {
            throw usage("usage for delta: puavo-mirror rdiff [OPTIONS] delta SIGNATURE [NEWFILE [DELTA]]");
        }
        try (InputSource sig = InputSource.open(arg(1), io);
             InputSource newFile = InputSource.open(arg(2), io);
             OutputTarget out = OutputTarget.open(arg(3), force, io.out())) {
            noMoreArgs(4);
            long start = EngineRun.now();
            Path outFile = EngineRun.outputFile(out, sig, newFile);
            RdiffStats stats;
            if (outFile != null) {
                stats = EngineRun.runOnFiles(() -> engine.delta(sig.regularFile(), newFile.regularFile(), outFile),
                        sig.displayName(), out, sig, newFile);
            } else {
                stats = EngineRun.run(() -> engine.delta(sig.stream(), newFile.stream(), out.stream()),
                        sig.displayName(), out, sig, newFile);
            }
            EngineRun.commit(out);
            if (statistics) {
                long sigIn = outFile != null ? sig.length() : sig.stream().count();
                // The engine reports the blocks it loaded, as librsync's loadsig line counts them.
                printStats(StatsFormat.Counts.signature("loadsig", stats.signatureBlocks(), stats.blockLength(),
                        sigIn, 0), start);
                long in = outFile != null ? newFile.length() : newFile.stream().count();
                printStats(StatsFormat.Counts.of("delta", stats, in, out.written()), start);
            }
        } catch (IOException e) {
            throw closeFailure(e);
        }
    }

    private void patch(RdiffEngine engine) throws CliFailure {
        CliIo io = parent.io();
        if (arg(1) == null) {
            throw usage("usage for patch: puavo-mirror rdiff [OPTIONS] patch BASIS [DELTA [NEWFILE]]");
        }
        try (InputSource basis = InputSource.open(arg(1), io);
             InputSource delta = InputSource.open(arg(2), io);
             OutputTarget out = OutputTarget.open(arg(3), force, io.out())) {
            noMoreArgs(4);
            long start = EngineRun.now();
            Path outFile = EngineRun.outputFile(out, basis, delta);
            RdiffStats stats = null;
            try {
                if (outFile != null) {
                    stats = EngineRun.runOnFiles(() -> engine.patch(basis.regularFile(), delta.regularFile(), outFile),
                            delta.displayName(), out, basis, delta);
                } else {
                    stats = EngineRun.run(() -> patchFromChannel(engine, basis, delta, out), delta.displayName(), out,
                            basis, delta);
                }
                EngineRun.commit(out);
            } finally {
                // rdiff prints patch statistics even when the patch failed.
                if (statistics) {
                    long in = outFile != null ? delta.length() : delta.stream().count();
                    printStats(StatsFormat.Counts.of("patch", stats, in, out.written()), start);
                }
            }
        } catch (IOException e) {
            throw closeFailure(e);
        }
    }

    /**
     * Patches through a seekable view of the basis. An I/O error that neither the delta nor the
     * output had came from the basis (a folder, a FIFO that cannot seek), so it is the basis's.
     */
    private static RdiffStats patchFromChannel(RdiffEngine engine, InputSource basis, InputSource delta,
                                               OutputTarget out) throws IOException {
        try (SeekableByteChannel channel = basis.channel()) {
            return engine.patch(channel, delta.stream(), out.stream());
        } catch (RdiffException e) {
            throw e;
        } catch (IOException e) {
            if (delta.failed() || out.stream().failed()) {
                throw e;
            }
            throw basis.channelFailure(e);
        }
    }

    /** The signature's parameters for the stats line; the engine has accepted them already. */
    private static SignatureParams resolve(SignatureOptions options, InputSource basis) throws CliFailure {
        try {
            return options.resolve(basis.length());
        } catch (RdiffException e) {
            throw CliFailure.failed(basis.displayName(), e.getMessage(), e.result(), e);
        }
    }

    private void printStats(StatsFormat.Counts counts, long start) {
        parent.io().err().println(StatsFormat.line(counts, EngineRun.now() - start));
    }

    private String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** rdiff checks for extra arguments only after opening the files it needs. */
    private void noMoreArgs(int used) {
        if (args.size() > used) {
            throw usage("too many arguments");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Closing an input or dropping a temporary file failed after the job itself. */
    private static CliFailure closeFailure(IOException e) {
        return CliFailure.failed(null, FileNames.reason(e), RdiffResult.IO_ERROR, e);
    }

    /** {@code puavo-mirror rdiff -V}: says which rdiff it stands in for. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "rdiff (librsync 2.3.2 compatible) from puavo-mirror " + Version.project(),
                "Engines: java (pure Java), native (the system librsync through JNA); pick one with --engine.",
            };
        }
    }
}
