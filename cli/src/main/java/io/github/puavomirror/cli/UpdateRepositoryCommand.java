package io.github.puavomirror.cli;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * amxa's {@code puavo-update-repository} plus puavo-os {@code make rdiffs} in one job: find the
 * images, build the rdiffs, write the metas and CKSUMS.
 */
@Command(name = "update-repository",
        description = {
            "Publish the images of IMAGE_DIR as a Puavo image mirror in MIRROR_DIR:",
            "hard links to the images, rdiffs to the newest images of each series,",
            "meta/<series>.json and CKSUMS. Only what changed is rebuilt, and every",
            "file appears whole (written under a temporary name, then renamed).",
        },
        sortOptions = false,
        footer = {
            "",
            "Series: without -p they are found in IMAGE_DIR, one per <prefix>-<arch> of",
            "<prefix>-<dist>-<YYYY-MM-DD-HHMMSS>-<arch>.img, images by date. -p DIR also",
            "writes them to DIR/config/images/<dist>.json; -p DIR -n reads the series from",
            "those files instead. Unlike the old tool, puavo-os is used only when -p is",
            "given (it defaulted to /puavo-os).",
            "",
            "Progress goes to stderr; the plan (--dry-run) and the summary to stdout.",
            "Exit status: 0 done, 1 failed (the mirror is left as it was), 2 usage error.",
        })
public final class UpdateRepositoryCommand implements Callable<Integer> {
    @ParentCommand
    PuavoMirrorCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--repository"}, paramLabel = "URL",
            description = "URL prefix of the meta 'urls' (https:// is added to a bare host); default: "
                    + MirrorRequest.DEFAULT_REPOSITORY + ".")
    String repository;

    @Option(names = {"-p", "--puavo-os"}, paramLabel = "DIR",
            description = "A puavo-os checkout: write the discovered series to DIR/config/images/<dist>.json.")
    Path puavoOs;

    @Option(names = {"-n", "--no-config", "--no-files"},
            description = "With -p: take the series from DIR/config/images/*.json as they are.")
    boolean noConfig;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Files read and rdiffs built at once; default: the number of CPUs. Fewer rdiffs run"
                    + " at once when their source indexes would not fit in 80% of the heap.")
    Integer jobs;

    @Mixin
    EngineOption engineOption;

    @Option(names = "--block-size", paramLabel = "BYTES",
            description = "rdiff signature block size; default 128 (puavo-os bookworm), 0 for librsync's choice.")
    int blockSize = SignatureOptions.PUAVO_BOOKWORM.blockLength();

    @Option(names = "--sum-size", paramLabel = "BYTES",
            description = "rdiff strong sum length; default 0 (the longest), -1 for the shortest safe one.")
    int sumSize = SignatureOptions.PUAVO_BOOKWORM.strongLength();

    @Option(names = {"-H", "--hash"}, paramLabel = "ALG", description = "rdiff strong hash: blake2 (default), md4.")
    String hash = "blake2";

    @Option(names = {"-R", "--rollsum"}, paramLabel = "ALG",
            description = "rdiff rolling sum: rabinkarp (default), rollsum.")
    String rollsum = "rabinkarp";

    @Option(names = "--targets", paramLabel = "N",
            description = "How many of the newest images of a series get rdiffs; default "
                    + MirrorRequest.DEFAULT_RDIFF_TARGETS + ".")
    int targets = MirrorRequest.DEFAULT_RDIFF_TARGETS;

    @Option(names = "--keep", paramLabel = "N", description = "Publish only the newest N images of each series; "
            + "default 0, all.")
    int keep;

    @Option(names = "--no-verify-rdiffs",
            description = "Do not apply each new rdiff to its source and compare the result before publishing.")
    boolean noVerifyRdiffs;

    @Option(names = "--dry-run", description = "Print what would be built; change nothing.")
    boolean dryRun;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE_DIR", description = "The folder with the built *.img files.")
    Path imageDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MIRROR_DIR",
            description = "The mirror to publish into; default: IMAGE_DIR/mirror.")
    Path mirrorDir;

    @Override
    public Integer call() throws CliFailure {
        MirrorRequest request = request();
        CliIo io = parent.io();
        MirrorSummary summary;
        ProgressRenderer renderer = progress.renderer(io, dryRun);
        try (renderer) {
            summary = MirrorJob.run(request, renderer);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        PrintWriter out = io.outWriter();
        renderer.summaryLines(summary).forEach(out::println);
        out.flush();
        return 0;
    }

    /** The job's request; impossible values are usage errors before anything runs. */
    MirrorRequest request() {
        if (noConfig && puavoOs == null) {
            throw usage("-n/--no-config needs -p DIR: the series come from DIR/config/images/*.json");
        }
        SignatureType type = SignatureType.of(hash, rollsum);
        if (type == null) {
            throw usage(SignatureType.of(hash, "rabinkarp") == null ? "unknown hash algorithm '" + hash + "'"
                    : "unknown rollsum algorithm '" + rollsum + "'");
        }
        MirrorRequest.Builder b = MirrorRequest.builder(imageDir)
                .mirrorDirectory(mirrorDir)
                .repositoryUrl(repository)
                .signature(new SignatureOptions(type, blockSize, sumSize))
                .engine(engineOption.name())
                .rdiffTargets(targets)
                .keep(keep)
                .verifyRdiffs(!noVerifyRdiffs)
                .dryRun(dryRun);
        if (puavoOs != null) {
            b.puavoOsDirectory(puavoOs, !noConfig);
        }
        if (jobs != null) {
            b.jobs(jobs);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
