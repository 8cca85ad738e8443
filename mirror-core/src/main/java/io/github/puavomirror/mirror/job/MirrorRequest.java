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
package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;

import java.nio.file.Path;
import java.util.List;

import static io.github.puavomirror.mirror.job.JobParameter.BLOCK_SIZE;
import static io.github.puavomirror.mirror.job.JobParameter.IMAGE_DIRECTORY;
import static io.github.puavomirror.mirror.job.JobParameter.JOBS;
import static io.github.puavomirror.mirror.job.JobParameter.KEEP;
import static io.github.puavomirror.mirror.job.JobParameter.PUAVO_OS_DIRECTORY;
import static io.github.puavomirror.mirror.job.JobParameter.RDIFF_TARGETS;
import static io.github.puavomirror.mirror.job.JobParameter.REPOSITORY;
import static io.github.puavomirror.mirror.job.JobParameter.SERIES;
import static io.github.puavomirror.mirror.job.JobParameter.SIGNATURE_TYPE;
import static io.github.puavomirror.mirror.job.JobParameter.SUM_SIZE;
import static io.github.puavomirror.mirror.job.JobParameter.WRITE_CONFIG;

/**
 * Everything one run of the mirror job needs, as the front ends (CLI, Ant, Maven) translate
 * their parameters. Build it with {@link #builder(Path)}; unset values take the upstream defaults.
 * The front ends check nothing themselves: {@link #check()}, which the job calls first, holds
 * every rule about the parameters and names the one at fault.
 *
 * @param imageDirectory    where the built images are
 * @param mirrorDirectory   the published tree (default {@code imageDirectory/mirror})
 * @param repositoryUrl     the {@code urls} prefix, as given (normalised by the job)
 * @param puavoOsDirectory  a puavo-os checkout whose {@code config/images/*.json} name the series, or null
 * @param writeConfig       with a puavo-os directory: write the discovered series there first
 *                          (off by default: writing outside the mirror is a side effect to ask for)
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
        mirrorDirectory = mirrorDirectoryOf(mirrorDirectory, imageDirectory);
        repositoryUrl = repositoryUrl != null ? repositoryUrl : DEFAULT_REPOSITORY;
        series = series != null ? List.copyOf(series) : List.of();
        signature = signature != null ? signature : SignatureOptions.PUAVO_BOOKWORM;
    }

    /** Where the mirror goes when no folder is given, for every operation and front end: {@code imageDirectory/mirror}. */
    public static Path defaultMirrorDirectory(Path imageDirectory) {
        return imageDirectory.resolve("mirror");
    }

    /**
     * The mirror folder of an operation given either folder: {@code mirrorDirectory} when set,
     * else {@link #defaultMirrorDirectory} of {@code imageDirectory}, else null (a usage error).
     */
    public static Path mirrorDirectoryOf(Path mirrorDirectory, Path imageDirectory) {
        if (mirrorDirectory != null || imageDirectory == null) {
            return mirrorDirectory;
        }
        return defaultMirrorDirectory(imageDirectory);
    }

    /**
     * The signature type a front end's text names ({@code blake2-rabinkarp}...).
     *
     * @throws MirrorException a usage error naming {@link JobParameter#SIGNATURE_TYPE}
     */
    public static SignatureType signatureType(String text) throws MirrorException {
        try {
            return SignatureType.parse(text);
        } catch (IllegalArgumentException e) {
            throw MirrorException.usage(InvalidParameterException.of(SIGNATURE_TYPE, e.getMessage()));
        }
    }

    /**
     * Checks every rule about the parameters that needs no file system: required values, ranges,
     * and what may or must go together.
     *
     * @throws MirrorException a usage error naming the parameter at fault
     */
    public void check() throws MirrorException {
        try {
            checkParameters();
        } catch (InvalidParameterException e) {
            throw MirrorException.usage(e);
        }
    }

    private void checkParameters() {
        if (imageDirectory == null) {
            throw new InvalidParameterException(IMAGE_DIRECTORY,
                    n -> n.of(IMAGE_DIRECTORY) + " is required: the folder with the built .img files");
        }
        if (rdiffTargets < 1) {
            throw InvalidParameterException.of(RDIFF_TARGETS, "must be at least 1, got " + rdiffTargets);
        }
        if (keep < 0) {
            throw InvalidParameterException.of(KEEP, "must be 0 (all) or more, got " + keep);
        }
        if (jobs < 1) {
            throw InvalidParameterException.of(JOBS, "must be at least 1, got " + jobs);
        }
        if (writeConfig && puavoOsDirectory == null) {
            throw new InvalidParameterException(WRITE_CONFIG, n -> n.of(WRITE_CONFIG) + " needs "
                    + n.of(PUAVO_OS_DIRECTORY) + ": the puavo-os checkout whose config/images/ receives the series");
        }
        if (!series.isEmpty() && puavoOsDirectory != null) {
            throw new InvalidParameterException(SERIES, n -> n.of(SERIES) + " and " + n.of(PUAVO_OS_DIRECTORY)
                    + " both name the series to publish: give only one of them");
        }
        try {
            RepositoryUrl.parse(repositoryUrl);
        } catch (IllegalArgumentException e) {
            throw InvalidParameterException.of(REPOSITORY, e.getMessage());
        }
        try {
            signature.resolve(1L << 30);
        } catch (RdiffException e) {
            throw InvalidParameterException.of(signature.blockLength() < 0 ? BLOCK_SIZE : SUM_SIZE,
                    "bad rdiff settings: " + e.getMessage());
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

        public Builder puavoOsDirectory(Path v) {
            puavoOsDirectory = v;
            return this;
        }

        /** Write the discovered series to the puavo-os checkout's config first, instead of reading them there. */
        public Builder writeConfig(boolean v) {
            writeConfig = v;
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
