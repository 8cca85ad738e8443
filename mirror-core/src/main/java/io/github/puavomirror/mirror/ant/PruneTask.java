package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorPrune;
import io.github.puavomirror.mirror.job.PruneReport;
import io.github.puavomirror.mirror.job.PruneRequest;
import org.apache.tools.ant.Project;

/**
 * {@code <prune>}: removes what no meta lists any more, as {@code puavo-mirror prune} does.
 *
 * <pre>{@code
 * <pm:prune mirrorDirectory="/srv/mirror" dryRun="true"/>
 * }</pre>
 */
public class PruneTask extends PuavoTask {
    private boolean dryRun;

    /** List what would be removed; remove nothing. */
    public void setDryRun(boolean v) {
        dryRun = v;
    }

    @Override
    void run() throws MirrorException {
        PruneRequest request = new PruneRequest(mirror(), dryRun);
        // The report lists every removal; the job's own notes would repeat them.
        PruneReport report = MirrorPrune.run(request, MirrorListener.NONE);
        String verb = report.dryRun() ? "would remove " : "removed ";
        for (PruneReport.Removal r : report.removals()) {
            log(verb + r.file() + " (" + Sizes.bytes(r.size()) + ", " + r.reason() + ")", Project.MSG_INFO);
        }
        log(report.removals().isEmpty() ? "nothing to remove" : verb + report.removals().size() + " file(s), "
                + Sizes.bytes(report.totalBytes()), Project.MSG_INFO);
    }
}
