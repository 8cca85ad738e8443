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
