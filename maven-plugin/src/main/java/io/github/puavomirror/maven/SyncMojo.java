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

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.sync.SyncJob;
import io.github.puavomirror.mirror.sync.SyncRequest;
import io.github.puavomirror.mirror.sync.SyncSummary;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Mirrors chosen series of a served Puavo image repository into {@code mirrorDirectory}: new
 * images are rebuilt from an image held here and an rdiff where the metas offer one, else
 * downloaded whole; every file is checked before the metas and CKSUMS that list it are
 * published. Series that {@code puavo:mirror} publishes into the same folder are kept. Not bound
 * to a phase.
 */
@Mojo(name = "sync", threadSafe = true)
public class SyncMojo extends AbstractPuavoMojo {

    /** The served mirror to copy, {@code https://host/}. */
    @Parameter(property = "puavo.upstream", required = true)
    private String upstream;

    /**
     * Series names or globs to mirror (globs match the series of the images upstream's CKSUMS
     * lists). Unset: every series CKSUMS lists.
     */
    @Parameter(property = "puavo.seriesPatterns")
    private List<String> seriesPatterns;

    /** Globs of series to leave out. */
    @Parameter(property = "puavo.excludePatterns")
    private List<String> excludePatterns;

    /** Mirror only the newest N images of each series, with every rdiff into them; 0 keeps all. */
    @Parameter(property = "puavo.keep", defaultValue = "0")
    private int keep;

    /** This mirror's URL, written into the metas' {@code urls}; required unless {@code keepUrls}. */
    @Parameter(property = "puavo.repository")
    private String repository;

    /**
     * Old spelling of {@code repository}.
     *
     * @deprecated use {@code repository} ({@code -Dpuavo.repository})
     */
    @Deprecated
    @Parameter(property = "puavo.repositoryUrl")
    private String repositoryUrl;

    /** Keep upstream's {@code urls} in the metas. */
    @Parameter(property = "puavo.keepUrls", defaultValue = "false")
    private boolean keepUrls;

    /** rdiffs downloaded at once. Unset: the number of processors. */
    @Parameter(property = "puavo.jobs")
    private Integer jobs;

    /** Say what would be downloaded; change nothing. */
    @Parameter(property = "puavo.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Wait for a run that holds the mirror instead of failing. */
    @Parameter(property = "puavo.waitForLock", defaultValue = "false")
    private boolean waitForLock;

    /** A PEM file of CAs to trust besides the JDK's. */
    @Parameter(property = "puavo.caCertificate")
    private File caCertificate;

    /** {@code auto}, {@code lines} or {@code bar} (a line every few seconds for a long step), or {@code none}. */
    @Parameter(property = "puavo.progress", defaultValue = "auto")
    private String progress;

    /** Skips this goal only ({@code skip} skips them all). */
    @Parameter(property = "puavo.sync.skip", defaultValue = "false")
    private boolean skipSync;

    @Override
    String goal() {
        return "sync";
    }

    @Override
    boolean skipGoal() {
        return skipSync;
    }

    @Override
    void run() throws MirrorException {
        if (repositoryUrl != null) {
            getLog().warn("<repositoryUrl> (-Dpuavo.repositoryUrl) is deprecated: use <repository>"
                    + " (-Dpuavo.repository)");
        }
        SyncRequest.Builder b = SyncRequest.builder(upstream, mirror()).seriesPatterns(seriesPatterns)
                .excludePatterns(excludePatterns).keep(keep).repositoryUrl(repository != null ? repository : repositoryUrl).keepUrls(keepUrls)
                .dryRun(dryRun).waitForLock(waitForLock).caCertificate(caCertificate == null ? null : caCertificate.toPath());
        if (jobs != null) {
            b.jobs(jobs);
        }
        SyncSummary summary = SyncJob.run(b.build(), LogListener.of(getLog(), progress));
        getLog().info(mirror() + ": " + (dryRun ? "dry run: " : "") + summary.summaryLine());
    }
}
