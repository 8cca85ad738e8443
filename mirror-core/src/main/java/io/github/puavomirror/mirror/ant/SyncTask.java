package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.sync.SyncJob;
import io.github.puavomirror.mirror.sync.SyncRequest;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sync>}: mirrors chosen series of a served Puavo image repository, as
 * {@code puavo-mirror sync} does. It only translates attributes into a {@link SyncRequest}, the
 * job's events into the build log, and a failed run into a {@link BuildException}.
 *
 * <pre>{@code
 * <sync upstream="https://cdn.example.org/" mirrorDir="/srv/mirror" repositoryUrl="images.example.net"
 *       seriesPatterns="puavo-os-*-bookworm-amd64" excludePatterns="*-i386" keep="2"/>
 * }</pre>
 */
public class SyncTask extends Task {
    private String upstream;
    private File mirrorDir;
    private String seriesPatterns;
    private String excludePatterns;
    private int keep;
    private String repositoryUrl;
    private boolean keepUrls;
    private Integer jobs;
    private boolean dryRun;
    private boolean waitForLock;
    private File caCertificate;

    /** The served mirror to copy (required). */
    public void setUpstream(String v) {
        upstream = v;
    }

    /** The local mirror (required). */
    public void setMirrorDir(File v) {
        mirrorDir = v;
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

    public void setRepositoryUrl(String v) {
        repositoryUrl = v;
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

    @Override
    public void execute() throws BuildException {
        SyncRequest.Builder b = SyncRequest.builder(upstream, mirrorDir == null ? null : mirrorDir.toPath())
                .seriesPatterns(list(seriesPatterns)).excludePatterns(list(excludePatterns)).keep(keep)
                .repositoryUrl(repositoryUrl).keepUrls(keepUrls).dryRun(dryRun).waitForLock(waitForLock)
                .caCertificate(caCertificate == null ? null : caCertificate.toPath());
        if (jobs != null) {
            b.jobs(jobs);
        }
        try {
            log(SyncJob.run(b.build(), new AntLog()).summaryLine(), Project.MSG_INFO);
        } catch (MirrorException e) {
            throw new BuildException(e.getMessage(), e, getLocation());
        }
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

    /** Events as log lines: warnings, notes and what was written; progress stays out. */
    private final class AntLog implements MirrorListener {
        @Override
        public void on(MirrorEvent event) {
            synchronized (SyncTask.this) {
                if (event instanceof MirrorEvent.Info i) {
                    log(i.message(), Project.MSG_INFO);
                } else if (event instanceof MirrorEvent.Warning w) {
                    log(w.message(), Project.MSG_WARN);
                } else if (event instanceof MirrorEvent.StepFinished f && f.changed()) {
                    log(f.step().label() + " " + f.name() + " (" + f.bytes() + " bytes)", Project.MSG_VERBOSE);
                }
            }
        }
    }
}
