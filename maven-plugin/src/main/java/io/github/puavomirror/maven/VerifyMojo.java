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

import io.github.puavomirror.mirror.http.ServedVerify;
import io.github.puavomirror.mirror.http.ServedVerifyRequest;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Checks a published mirror the way its clients rely on it: every file that a meta or
 * {@code CKSUMS} lists is there with the stated size, cksum, SHA-256 and SHA-512, and every
 * rdiff's source is an image of its series. With {@code deep}, every rdiff is also applied to
 * its source and the result compared with its target. Fails the build when it finds a problem;
 * unlisted and temporary files are only warned about ({@code puavo:prune} removes them).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyMojo extends AbstractPuavoMojo {

    /** Also apply every rdiff to its source and compare the result's SHA-512 with its target's. Slower. */
    @Parameter(property = "puavo.deep", defaultValue = "false")
    private boolean deep;

    /**
     * rdiff engine for {@code deep}: {@code auto}, {@code java} or {@code native}. Unset: the
     * {@code PUAVO_MIRROR_ENGINE} environment variable, else {@code auto}.
     */
    @Parameter(property = "puavo.engine")
    private String engine;

    /** Files read at once. Unset: the number of processors. */
    @Parameter(property = "puavo.jobs")
    private Integer jobs;

    /** {@code auto}, {@code lines} or {@code bar} (a line every few seconds for a long step), or {@code none}. */
    @Parameter(property = "puavo.progress", defaultValue = "auto")
    private String progress;

    /**
     * Check the mirror served at this URL instead of the local folder, as its clients see it:
     * metas parse, every listed file is there with its size and answers range requests, metas
     * and CKSUMS agree. With {@code deep}, files are downloaded and their size and SHA-256
     * checked (rdiffs are not applied).
     */
    @Parameter(property = "puavo.url")
    private String url;

    /** With {@code url} and {@code deep}: download only this many files, chosen at random; 0 for all. */
    @Parameter(property = "puavo.sample", defaultValue = "0")
    private int sample;

    /** With {@code url}: a PEM file of CAs to trust besides the JDK's. */
    @Parameter(property = "puavo.caCertificate")
    private File caCertificate;

    /** Skips this goal only ({@code skip} skips them all). */
    @Parameter(property = "puavo.verify.skip", defaultValue = "false")
    private boolean skipVerify;

    @Override
    String goal() {
        return "verify";
    }

    @Override
    boolean skipGoal() {
        return skipVerify;
    }

    @Override
    void run() throws MojoFailureException, MirrorException {
        int jobs = this.jobs != null ? this.jobs : Runtime.getRuntime().availableProcessors();
        if (url != null) {
            report(url, ServedVerify.run(new ServedVerifyRequest(url, deep, sample,
                    caCertificate == null ? null : caCertificate.toPath(), jobs), LogListener.of(getLog(), progress)));
            return;
        }
        Path mirror = mirror();
        VerifyRequest request = new VerifyRequest(mirror, deep, engine, jobs);
        report(mirror.toString(), MirrorVerify.run(request, LogListener.of(getLog(), progress)));
    }

    private void report(String mirror, VerifyReport report) throws MojoFailureException {
        report.warnings().forEach(getLog()::warn);
        report.problems().forEach(p -> getLog().error(p.line()));
        getLog().info(mirror + ": " + report.summaryLine());
        if (!report.ok()) {
            int n = report.problems().size();
            throw new MojoFailureException("The mirror " + mirror + " has " + n + " problem"
                    + (n == 1 ? "" : "s") + " (the [ERROR] lines above), first " + report.problems().get(0).line()
                    + ". puavo:mirror republishes files that are missing or damaged.");
        }
    }
}
