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

import io.github.puavomirror.mirror.http.ServedVerify;
import io.github.puavomirror.mirror.http.ServedVerifyRequest;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.ProgressMode;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import org.apache.tools.ant.Project;

import java.io.File;

/**
 * {@code <verify>}: checks a published mirror as {@code puavo-mirror verify} does; problems fail
 * the build (or are logged, with {@code failOnError="false"}).
 *
 * <pre>{@code
 * <pm:verify mirrorDirectory="/srv/mirror" deep="true"/>
 * <pm:verify url="https://images.example.net/" deep="true" sample="5"/>
 * }</pre>
 */
public class VerifyTask extends PuavoTask {
    private boolean deep;
    private String engine;
    private Integer jobs;
    private String progress;
    private String url;
    private int sample;
    private File caCertificate;

    /** Also apply every rdiff to its source and compare the result with its target. */
    public void setDeep(boolean v) {
        deep = v;
    }

    /** {@code auto}, {@code java} or {@code native}, for {@code deep}. */
    public void setEngine(String v) {
        engine = v;
    }

    /** Files read at once; default the number of CPUs. */
    public void setJobs(int v) {
        jobs = v;
    }

    /** {@code auto}, {@code lines}, {@code bar} (a line every few seconds for a long step) or {@code none}. */
    public void setProgress(String v) {
        progress = v;
    }

    /** Check the mirror served at this URL instead of the local folder, as its clients see it. */
    public void setUrl(String v) {
        url = v;
    }

    /** With {@code url} and {@code deep}: download only this many files, chosen at random; 0 for all. */
    public void setSample(int v) {
        sample = v;
    }

    /** With {@code url}: a PEM file of CAs to trust besides the JDK's. */
    public void setCaCertificate(File v) {
        caCertificate = v;
    }

    @Override
    void run() throws MirrorException {
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        String checked;
        VerifyReport report;
        if (url != null) {
            checked = url;
            report = ServedVerify.run(new ServedVerifyRequest(url, deep, sample,
                    caCertificate == null ? null : caCertificate.toPath(), threads), log(ProgressMode.parse(progress)));
        } else {
            VerifyRequest request = new VerifyRequest(mirror(), deep, engine, threads);
            checked = request.mirrorDirectory().toString();
            report = MirrorVerify.run(request, log(ProgressMode.parse(progress)));
        }
        report.warnings().forEach(w -> log(w, Project.MSG_WARN));
        report.problems().forEach(p -> log(p.line(), Project.MSG_ERR));
        log(report.summaryLine(), Project.MSG_INFO);
        if (!report.ok()) {
            throw new MirrorException(checked + ": " + report.problems().size()
                    + " problem(s), first " + report.problems().get(0).line());
        }
    }
}
