package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.rdiff.SignatureOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run of the mirror job needs, as the front ends (CLI, Ant, Maven) translate
 * their parameters. Build it with {@link #builder(Path)}; unset values take the upstream defaults.
 *
 * @param imageDirectory    where the built images are
 * @param mirrorDirectory   the published tree (default {@code imageDirectory/mirror})
 * @param repositoryUrl     the {@code urls} prefix, as given (normalised by the job)
 * @param puavoOsDirectory  a puavo-os checkout whose {@code config/images/*.json} name the series, or null
 * @param writeConfig       with a puavo-os directory: write the discovered series there first
 * @param series            explicit series (Maven's pom configuration); empty means discover or read config
 * @param rdiffTargets      how many of the newest images of a series get rdiffs (upstream: 3)
 * @param keep              publish only the newest N images of each series; 0 keeps all
 * @param signature         rdiff settings (upstream bookworm: block 128, RabinKarp + BLAKE2, 32-byte sums)
 * @param engine            {@code auto}, {@code java} or {@code native}; null for the environment's choice
 * @param jobs              files read and rdiffs built at once at most (fewer rdiffs when their
 *                          source indexes would not fit in the heap: see {@link MemoryPlanner})
 * @param verifyRdiffs      apply each new rdiff before publishing and compare the result's sha512
 * @param dryRun            print the plan, change nothing
 */
public record MirrorRequest(
        Path imageDirectory,
        Path mirrorDirectory,
        String repositoryUrl,
        Path puavoOsDirectory,
        boolean writeConfig,
        List<ImageSeries> series,
        int rdiffTargets,
        int keep,
        SignatureOptions signature,
        String engine,
        int jobs,
        boolean verifyRdiffs,
        boolean dryRun) {

    /** The old tool's default repository. */
    public static final String DEFAULT_REPOSITORY = "images.amxa.ch";
    public static final int DEFAULT_RDIFF_TARGETS = 3;

    public MirrorRequest {
        Objects.requireNonNull(imageDirectory, "imageDirectory");
        mirrorDirectory = mirrorDirectory != null ? mirrorDirectory : imageDirectory.resolve("mirror");
        repositoryUrl = repositoryUrl != null ? repositoryUrl : DEFAULT_REPOSITORY;
        series = series != null ? List.copyOf(series) : List.of();
        signature = signature != null ? signature : SignatureOptions.PUAVO_BOOKWORM;
        if (rdiffTargets < 1) {
            throw new IllegalArgumentException("rdiff targets must be at least 1, got " + rdiffTargets);
        }
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be 0 (all) or more, got " + keep);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    public static Builder builder(Path imageDirectory) {
        return new Builder(imageDirectory);
    }

    /** Fluent construction for front ends that set a few parameters. */
    public static final class Builder {
        private final Path imageDirectory;
        private Path mirrorDirectory;
        private String repositoryUrl;
        private Path puavoOsDirectory;
        private boolean writeConfig;
        private List<ImageSeries> series = List.of();
        private int rdiffTargets = DEFAULT_RDIFF_TARGETS;
        private int keep;
        private SignatureOptions signature = SignatureOptions.PUAVO_BOOKWORM;
        private String engine;
        private int jobs = Runtime.getRuntime().availableProcessors();
        private boolean verifyRdiffs = true;
        private boolean dryRun;

        private Builder(Path imageDirectory) {
            this.imageDirectory = imageDirectory;
        }

        public Builder mirrorDirectory(Path v) {
            mirrorDirectory = v;
            return this;
        }

        public Builder repositoryUrl(String v) {
            repositoryUrl = v;
            return this;
        }

        public Builder puavoOsDirectory(Path v, boolean write) {
            puavoOsDirectory = v;
            writeConfig = write;
            return this;
        }

        public Builder series(List<ImageSeries> v) {
            series = v;
            return this;
        }

        public Builder rdiffTargets(int v) {
            rdiffTargets = v;
            return this;
        }

        public Builder keep(int v) {
            keep = v;
            return this;
        }

        public Builder signature(SignatureOptions v) {
            signature = v;
            return this;
        }

        public Builder engine(String v) {
            engine = v;
            return this;
        }

        public Builder jobs(int v) {
            jobs = v;
            return this;
        }

        public Builder verifyRdiffs(boolean v) {
            verifyRdiffs = v;
            return this;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public MirrorRequest build() {
            return new MirrorRequest(imageDirectory, mirrorDirectory, repositoryUrl, puavoOsDirectory, writeConfig,
                    series, rdiffTargets, keep, signature, engine, jobs, verifyRdiffs, dryRun);
        }
    }
}
