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

import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.ProgressMode;
import io.github.puavomirror.mirror.sync.SyncJob;
import io.github.puavomirror.mirror.sync.SyncRequest;
import org.apache.tools.ant.Project;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sync>}: mirrors chosen series of a served Puavo image repository, as
 * {@code puavo-mirror sync} does. It only translates attributes into a {@link SyncRequest} and
 * the job's events into the build log; the core names a wrong attribute.
 *
 * <pre>{@code
 * <sync upstream="https://cdn.example.org/" mirrorDirectory="/srv/mirror" repository="images.example.net"
 *       seriesPatterns="puavo-os-*-bookworm-amd64" excludePatterns="*-i386" keep="2"/>
 * }</pre>
 */
public class SyncTask extends PuavoTask {
    private String upstream;
    private String seriesPatterns;
    private String excludePatterns;
    private int keep;
    private String repository;
    private boolean keepUrls;
    private Integer jobs;
    private boolean dryRun;
    private boolean waitForLock;
    private File caCertificate;
    private String progress;

    /** The served mirror to copy (required). */
    public void setUpstream(String v) {
        upstream = v;
    }

    /** Comma-separated series names or globs; default: every series upstream's CKSUMS lists. */
    public void setSeriesPatterns(String v) {
        seriesPatterns = v;
    }

    /** Comma-separated globs of series to leave out. */
    public void setExcludePatterns(String v) {
        excludePatterns = v;
    }

    public void setKeep(int v) {
        keep = v;
    }

    /** This mirror's URL, for the metas' {@code urls}; required unless {@code keepUrls}. */
    public void setRepository(String v) {
        repository = v;
    }

    /** @deprecated use {@code repository} */
    @Deprecated
    public void setRepositoryUrl(String v) {
        deprecated("repositoryUrl", "repository");
        repository = v;
    }

    public void setKeepUrls(boolean v) {
        keepUrls = v;
    }

    public void setJobs(int v) {
        jobs = v;
    }

    public void setDryRun(boolean v) {
        dryRun = v;
    }

    public void setWaitForLock(boolean v) {
        waitForLock = v;
    }

    public void setCaCertificate(File v) {
        caCertificate = v;
    }

    /** {@code auto}, {@code lines}, {@code bar} (a line every few seconds for a long step) or {@code none}. */
    public void setProgress(String v) {
        progress = v;
    }

    @Override
    void run() throws MirrorException {
        SyncRequest.Builder b = SyncRequest.builder(upstream, mirror())
                .seriesPatterns(list(seriesPatterns)).excludePatterns(list(excludePatterns)).keep(keep)
                .repositoryUrl(repository).keepUrls(keepUrls).dryRun(dryRun).waitForLock(waitForLock)
                .caCertificate(path(caCertificate));
        if (jobs != null) {
            b.jobs(jobs);
        }
        log(SyncJob.run(b.build(), log(ProgressMode.parse(progress))).summaryLine(), Project.MSG_INFO);
    }

    /** What was written, for -verbose. */
    @Override
    void logEvent(MirrorEvent event) {
        logChanged(event, Project.MSG_VERBOSE);
    }

    private static List<String> list(String commaSeparated) {
        List<String> out = new ArrayList<>();
        if (commaSeparated != null) {
            for (String s : commaSeparated.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
