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
import io.github.puavomirror.mirror.job.MirrorPrune;
import io.github.puavomirror.mirror.job.ProgressMode;
import io.github.puavomirror.mirror.job.PruneReport;
import io.github.puavomirror.mirror.job.PruneRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;

/**
 * Removes what the mirror no longer publishes: images and rdiffs that no meta lists (left behind
 * by {@code keep} or by images dropped from a series) and temporary files of interrupted runs.
 * It takes the mirror's lock, so it never removes a file a running {@code puavo:mirror} is
 * writing. Not bound to a phase: removing files is a deliberate step.
 */
@Mojo(name = "prune", requiresProject = false, threadSafe = true)
public class PruneMojo extends AbstractPuavoMojo {

    /** List what would be removed, remove nothing. */
    @Parameter(property = "puavo.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips this goal only ({@code skip} skips them all). */
    @Parameter(property = "puavo.prune.skip", defaultValue = "false")
    private boolean skipPrune;

    @Override
    String goal() {
        return "prune";
    }

    @Override
    boolean skipGoal() {
        return skipPrune;
    }

    @Override
    void run() throws MirrorException {
        Path mirror = mirror();
        PruneReport report = MirrorPrune.run(new PruneRequest(mirror, dryRun), new LogListener(getLog(),
                ProgressMode.NONE, System::nanoTime));
        int n = report.removals().size();
        String files = n + " file" + (n == 1 ? "" : "s") + " (" + Sizes.bytes(report.totalBytes()) + ")";
        if (n == 0) {
            getLog().info("Nothing to prune in " + mirror);
        } else if (report.dryRun()) {
            getLog().info("Would remove " + files + " from " + mirror + " (dry run: nothing removed)");
        } else {
            getLog().info("Removed " + files + " from " + mirror);
        }
    }
}
