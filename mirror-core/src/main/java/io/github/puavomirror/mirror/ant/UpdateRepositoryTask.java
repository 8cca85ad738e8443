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
package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.mirror.job.ProgressMode;
import io.github.puavomirror.mirror.job.SeriesDeclaration;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;
import org.apache.tools.ant.Project;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <update-repository>}: publishes an image mirror, as {@code puavo-mirror update-repository}
 * does. It only translates: attributes into a {@link MirrorRequest}, the job's events into the
 * build log, and a failed run into a {@code BuildException} carrying the job's one-line message.
 *
 * <pre>{@code
 * <update-repository imageDirectory="/srv/images" repository="cdn.example.org" jobs="4">
 *   <series name="puavo-os-amxa-bookworm-amd64">      <!-- optional: otherwise discovered -->
 *     <image name="puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img"/>
 *     <extraRdiff target="puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img">
 *       <source name="puavo-os-amxa-bookworm-2024-01-10-080000-amd64.img"/>
 *     </extraRdiff>
 *   </series>
 * </update-repository>
 * }</pre>
 */
public class UpdateRepositoryTask extends PuavoTask {
    private String repository;
    private File puavoOsDirectory;
    private boolean writeConfig;
    private Integer jobs;
    private String engine;
    private String signatureType = SignatureType.DEFAULT.label();
    private int blockSize = SignatureOptions.PUAVO_BOOKWORM.blockLength();
    private int sumSize = SignatureOptions.PUAVO_BOOKWORM.strongLength();
    private int rdiffTargets = MirrorRequest.DEFAULT_RDIFF_TARGETS;
    private int keep;
    private boolean dryRun;
    private boolean verifyRdiffs = true;
    private String progress;
    private final List<Series> series = new ArrayList<>();

    /** @deprecated use {@code imageDirectory} */
    @Deprecated
    public void setImageDir(File v) {
        deprecated("imageDir", "imageDirectory");
        imageDirectory = v;
    }

    /** Host or URL prefix for the meta {@code urls}. */
    public void setRepository(String v) {
        repository = v;
    }

    /** A puavo-os checkout: the series are read from its {@code config/images} (written first with {@code writeConfig}). */
    public void setPuavoOsDirectory(File v) {
        puavoOsDirectory = v;
    }

    /** @deprecated use {@code puavoOsDirectory}; it now reads the config unless {@code writeConfig="true"} */
    @Deprecated
    public void setPuavoOsDir(File v) {
        deprecated("puavoOsDir", "puavoOsDirectory (which reads the config unless writeConfig=\"true\")");
        puavoOsDirectory = v;
    }

    /** With {@code puavoOsDirectory}: write the discovered series to its {@code config/images/<dist>.json} first. */
    public void setWriteConfig(boolean v) {
        writeConfig = v;
    }

    /** @deprecated reading the config is the default; {@code writeConfig="true"} writes it */
    @Deprecated
    public void setNoConfig(boolean v) {
        deprecated("noConfig", "writeConfig (reading the config is the default)");
        writeConfig = !v;
    }

    /** Files read and rdiffs built at once; default the number of CPUs. */
    public void setJobs(int v) {
        jobs = v;
    }

    /** {@code auto}, {@code java} or {@code native}. */
    public void setEngine(String v) {
        engine = v;
    }

    /** {@code blake2-rabinkarp} (default), {@code blake2-rollsum}, {@code md4-rabinkarp} or {@code md4-rollsum}. */
    public void setSignatureType(String v) {
        signatureType = v;
    }

    /** rdiff block size in bytes; 0 for librsync's size-dependent default. */
    public void setBlockSize(int v) {
        blockSize = v;
    }

    /** rdiff strong sum length; 0 for the longest, -1 for the shortest safe one. */
    public void setSumSize(int v) {
        sumSize = v;
    }

    /** How many of the newest images of a series get rdiffs. */
    public void setRdiffTargets(int v) {
        rdiffTargets = v;
    }

    /** @deprecated use {@code rdiffTargets} */
    @Deprecated
    public void setTargets(int v) {
        deprecated("targets", "rdiffTargets");
        rdiffTargets = v;
    }

    /** Publish only the newest N images of each series; 0 keeps all. */
    public void setKeep(int v) {
        keep = v;
    }

    /** Log the plan; change nothing. */
    public void setDryRun(boolean v) {
        dryRun = v;
    }

    /** Apply each new rdiff to its source and compare before publishing (default true). */
    public void setVerifyRdiffs(boolean v) {
        verifyRdiffs = v;
    }

    /** {@code auto}, {@code lines}, {@code bar} (a line every few seconds for a long step) or {@code none}. */
    public void setProgress(String v) {
        progress = v;
    }

    /** A nested {@code <series>}: given series replace discovery and puavo-os config. */
    public Series createSeries() {
        Series s = new Series();
        series.add(s);
        return s;
    }

    @Override
    void run() throws MirrorException {
        List<ImageSeries> list = new ArrayList<>();
        try {
            for (int i = 0; i < series.size(); i++) {
                list.add(series.get(i).toSeries(i + 1));
            }
        } catch (IllegalArgumentException e) {
            throw MirrorException.usage(InvalidParameterException.of(JobParameter.SERIES, e.getMessage()));
        }
        MirrorRequest request = MirrorRequest.builder(path(imageDirectory))
                .mirrorDirectory(path(mirrorDirectory))
                .repositoryUrl(repository)
                .puavoOsDirectory(path(puavoOsDirectory))
                .writeConfig(writeConfig)
                .series(list)
                .signature(new SignatureOptions(MirrorRequest.signatureType(signatureType), blockSize, sumSize))
                .engine(engine)
                .jobs(jobs != null ? jobs : Runtime.getRuntime().availableProcessors())
                .rdiffTargets(rdiffTargets)
                .keep(keep)
                .verifyRdiffs(verifyRdiffs)
                .dryRun(dryRun)
                .build();
        MirrorJob.run(request, log(ProgressMode.parse(progress)));
    }

    /** The plan, what was built or written, the summary and the job's own time. */
    @Override
    void logEvent(MirrorEvent event) {
        if (event instanceof MirrorEvent.Planned p) {
            log(p.series() + " series, " + p.images() + " images: " + p.rdiffsToBuild()
                    + " rdiffs to build, " + p.rdiffsUpToDate() + " up to date", Project.MSG_INFO);
        } else if (event instanceof MirrorEvent.StepFinished f && f.changed()) {
            log(f.step().label() + " " + f.name() + " (" + f.bytes() + " bytes)",
                    f.step() == MirrorEvent.Step.RDIFF ? Project.MSG_INFO : Project.MSG_VERBOSE);
        } else if (event instanceof MirrorEvent.Finished done) {
            MirrorSummary s = done.summary();
            log(s.series() + " series, " + s.images() + " images, " + s.rdiffs() + " rdiffs; built "
                    + s.rdiffsBuilt() + ", " + s.filesWritten() + " files written", Project.MSG_INFO);
            // Last, as in the CLI's summary: the job's own time, which benchmarks compare across front ends.
            log("time: " + s.jobTime(), Project.MSG_INFO);
        }
    }

    /**
     * {@code <series name="...">} with nested {@code <image name="..."/>} in list order and
     * {@code <extraRdiff target="..."><source name="..."/></extraRdiff>} (bookworm's extra_rdiffs),
     * checked as the Maven plugin checks its {@code <series>}.
     */
    public static class Series {
        private String name;
        private final List<Image> images = new ArrayList<>();
        private final List<ExtraRdiff> extraRdiffs = new ArrayList<>();

        public void setName(String v) {
            name = v;
        }

        public Image createImage() {
            Image i = new Image();
            images.add(i);
            return i;
        }

        public ExtraRdiff createExtraRdiff() {
            ExtraRdiff e = new ExtraRdiff();
            extraRdiffs.add(e);
            return e;
        }

        /** By the rules the Maven plugin shares ({@link SeriesDeclaration}); {@code position} counts from 1. */
        ImageSeries toSeries(int position) {
            List<String> imageNames = new ArrayList<>();
            for (Image i : images) {
                imageNames.add(i.name);
            }
            List<SeriesDeclaration.ExtraRdiff> extras = new ArrayList<>();
            for (ExtraRdiff e : extraRdiffs) {
                List<String> sources = new ArrayList<>();
                for (Image source : e.sources) {
                    sources.add(source.name);
                }
                extras.add(new SeriesDeclaration.ExtraRdiff(e.target, sources));
            }
            return SeriesDeclaration.parse(position, name, imageNames, extras);
        }
    }

    /** {@code <image name="..."/>} or {@code <source name="..."/>}: an image file name in the image folder. */
    public static class Image {
        private String name;

        public void setName(String v) {
            name = v;
        }
    }

    /** {@code <extraRdiff target="...">} with nested {@code <source name="..."/>}: extra rdiffs into a listed image. */
    public static class ExtraRdiff {
        private String target;
        private final List<Image> sources = new ArrayList<>();

        public void setTarget(String v) {
            target = v;
        }

        public Image createSource() {
            Image i = new Image();
            sources.add(i);
            return i;
        }
    }
}
