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
package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Publishes a Puavo OS image mirror: links the images of each series into the mirror, builds
 * the rdiffs into the newest images, and writes {@code meta/<series>.json} and {@code CKSUMS}.
 * Runs are incremental (a second run over unchanged images changes nothing) and atomic (a
 * failed or killed run leaves metas and CKSUMS describing only whole files).
 */
@Mojo(name = "mirror", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class MirrorMojo extends AbstractPuavoMojo {

    /**
     * The URL prefix of the meta {@code urls}: {@code <base>/<image>} and
     * {@code <base>/rdiffs/<rdiff>} (upstream's {@code images_urlbase}). A value without a scheme
     * gets {@code https://}; trailing slashes are dropped. Unset: {@code https://images.amxa.ch}.
     */
    @Parameter(property = "puavo.repository")
    private String repository;

    /**
     * Old spelling of {@code repository}.
     *
     * @deprecated use {@code repository} ({@code -Dpuavo.repository})
     */
    @Deprecated
    @Parameter(property = "puavo.imagesUrlBase")
    private String imagesUrlBase;

    /**
     * The series to publish, each as
     * {@code <series><name/><images><image/></images><extraRdiffs/></series>}; only these are
     * published. When empty, the series come from {@code puavoOsDirectory}'s config files, or
     * are discovered in {@code imageDirectory} (one per {@code <prefix>-<arch>}, images in stamp
     * order). An {@code <extraRdiffs>} element holds
     * {@code <extraRdiff><target/><sources><source/></sources></extraRdiff>} entries: rdiffs into
     * a listed target from images that may lie outside the list (bookworm's {@code extra_rdiffs}).
     */
    @Parameter
    private List<Series> series;

    /** How many of the newest images (the last in each list) get rdiffs from every other listed image. */
    @Parameter(property = "puavo.rdiffTargets", defaultValue = "3")
    private int rdiffTargets;

    /** rdiff block size in bytes; 0 lets librsync choose from the source size. Upstream bookworm uses 128. */
    @Parameter(property = "puavo.blockSize", defaultValue = "128")
    private int blockSize;

    /** rdiff strong sum length in bytes; 0 for the longest (32 with blake2), -1 for the shortest safe one. */
    @Parameter(property = "puavo.sumSize", defaultValue = "0")
    private int sumSize;

    /**
     * rdiff signature kind, {@code <strong hash>-<rolling sum>}: {@code blake2-rabinkarp} (rdiff
     * 2.3's default, what bookworm produces), {@code blake2-rollsum} (buster's librsync 2.0),
     * {@code md4-rabinkarp} or {@code md4-rollsum}.
     */
    @Parameter(property = "puavo.signatureType", defaultValue = "blake2-rabinkarp")
    private String signatureType;

    /**
     * rdiff engine: {@code auto} (librsync when {@code librsync.so.2} loads, else the built-in Java
     * engine), {@code java} or {@code native} (fails without librsync). Unset: the
     * {@code PUAVO_MIRROR_ENGINE} environment variable, else {@code auto}.
     */
    @Parameter(property = "puavo.engine")
    private String engine;

    /**
     * Images checksummed and rdiffs built at once at most. Unset: the number of processors. Fewer
     * rdiffs run at once when their source indexes would not fit in 85 % of Maven's heap (give it
     * more with {@code MAVEN_OPTS=-Xmx...}).
     */
    @Parameter(property = "puavo.jobs")
    private Integer jobs;

    /** Apply each new rdiff to its source before publishing it and compare the result's SHA-512 with the target's. */
    @Parameter(property = "puavo.verifyRdiffs", defaultValue = "true")
    private boolean verifyRdiffs;

    /**
     * A puavo-os checkout. Without {@code writeConfig}, the series are read from its
     * {@code config/images/*.json} (both the buster and the bookworm format); with it, the series
     * discovered in {@code imageDirectory} are written there first. Not allowed together with
     * {@code series}.
     */
    @Parameter(property = "puavo.puavoOsDirectory")
    private File puavoOsDirectory;

    /** With {@code puavoOsDirectory}: write the discovered series to its {@code config/images/<dist>.json}. */
    @Parameter(property = "puavo.writeConfig", defaultValue = "false")
    private boolean writeConfig;

    /** Publish only the newest N images of each series (by stamp); 0 keeps all. */
    @Parameter(property = "puavo.keep", defaultValue = "0")
    private int keep;

    /** Log the plan and what would be built; change nothing. */
    @Parameter(property = "puavo.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** {@code auto}, {@code lines} or {@code bar} (a line every few seconds for a long step), or {@code none}. */
    @Parameter(property = "puavo.progress", defaultValue = "auto")
    private String progress;

    /** Skips this goal only ({@code skip} skips them all). */
    @Parameter(property = "puavo.mirror.skip", defaultValue = "false")
    private boolean skipMirror;

    @Override
    String goal() {
        return "mirror";
    }

    @Override
    boolean skipGoal() {
        return skipMirror;
    }

    @Override
    void run() throws MojoFailureException, MirrorException {
        if (imagesUrlBase != null) {
            getLog().warn("<imagesUrlBase> (-Dpuavo.imagesUrlBase) is deprecated: use <repository>"
                    + " (-Dpuavo.repository)");
        }
        MirrorRequest request = MirrorRequest.builder(path(imageDirectory))
                .mirrorDirectory(mirror())
                .repositoryUrl(repository != null ? repository : imagesUrlBase)
                .series(SeriesConverter.convert(series))
                .puavoOsDirectory(path(puavoOsDirectory))
                .writeConfig(writeConfig)
                .rdiffTargets(rdiffTargets)
                .keep(keep)
                .signature(new SignatureOptions(MirrorRequest.signatureType(signatureType), blockSize, sumSize))
                .engine(engine)
                .jobs(jobs != null ? jobs : Runtime.getRuntime().availableProcessors())
                .verifyRdiffs(verifyRdiffs)
                .dryRun(dryRun)
                .build();
        MirrorSummary summary = MirrorJob.run(request, LogListener.of(getLog(), progress));
        getLog().info(describe(request.mirrorDirectory(), summary));
    }

    /** The closing line: what the mirror now lists, what this run did, and the job's own time. */
    static String describe(Path mirror, MirrorSummary s) {
        String listing = String.format(Locale.ROOT, "%d series, %d images (%s), %d rdiffs (%s)", s.series(),
                s.images(), Sizes.bytes(s.imageBytes()), s.rdiffs(), Sizes.bytes(s.rdiffBytes()));
        if (s.upToDate()) {
            return "Mirror " + mirror + " is up to date: " + listing + "; checked in " + s.jobTime();
        }
        return String.format(Locale.ROOT, "Mirror %s: %s; built %d rdiffs, wrote %d files in %s;"
                        + " rdiffs save clients %s", mirror, listing, s.rdiffsBuilt(), s.filesWritten(),
                s.jobTime(), Sizes.bytes(s.savedBytes()));
    }
}
