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
import io.github.puavomirror.mirror.upload.S3Settings;
import io.github.puavomirror.mirror.upload.Upload;
import io.github.puavomirror.mirror.upload.UploadReport;
import io.github.puavomirror.mirror.upload.UploadRequest;
import org.apache.tools.ant.Project;

/**
 * {@code <upload mirrorDirectory="..." destination="..."/>}: the upload operation with the same
 * attributes as the command line's options; every rule is in {@link Upload}, which names a wrong
 * attribute.
 */
public class UploadTask extends PuavoTask {
    private String destination;
    private boolean dryRun;
    private boolean delete;
    private String grace;
    private Integer jobs;
    private String rsh;
    private String bwlimit;
    private String s3Endpoint;
    private String s3Region;
    private boolean s3PathStyle;
    private String s3ChecksumMode;
    private long s3PartSize;
    private String metaCacheControl;
    private String fileCacheControl;
    private String progress;

    public void setDestination(String v) {
        destination = v;
    }

    public void setDryRun(boolean v) {
        dryRun = v;
    }

    public void setDelete(boolean v) {
        delete = v;
    }

    public void setGrace(String v) {
        grace = v;
    }

    public void setJobs(int v) {
        jobs = v;
    }

    public void setRsh(String v) {
        rsh = v;
    }

    public void setBwlimit(String v) {
        bwlimit = v;
    }

    public void setS3Endpoint(String v) {
        s3Endpoint = v;
    }

    public void setS3Region(String v) {
        s3Region = v;
    }

    public void setS3PathStyle(boolean v) {
        s3PathStyle = v;
    }

    public void setS3ChecksumMode(String v) {
        s3ChecksumMode = v;
    }

    public void setS3PartSize(long v) {
        s3PartSize = v;
    }

    public void setMetaCacheControl(String v) {
        metaCacheControl = v;
    }

    public void setFileCacheControl(String v) {
        fileCacheControl = v;
    }

    /** {@code auto}, {@code lines}, {@code bar} (a line every few seconds for a long step) or {@code none}. */
    public void setProgress(String v) {
        progress = v;
    }

    @Override
    void run() throws MirrorException {
        UploadRequest.Builder b = UploadRequest.builder(mirror(), destination).dryRun(dryRun).delete(delete)
                .grace(grace).rsh(rsh).bwlimit(bwlimit).s3(new S3Settings(s3Endpoint, s3Region, s3PathStyle,
                        s3ChecksumMode, metaCacheControl, fileCacheControl, s3PartSize, null, null));
        if (jobs != null) {
            b.jobs(jobs);
        }
        UploadReport report = Upload.run(b.build(), log(ProgressMode.parse(progress)));
        if (report.dryRun()) {
            report.actions().forEach(a -> log(a.line(), Project.MSG_INFO));
        }
        log(report.summaryLine(), Project.MSG_INFO);
    }

    /** Each file sent. */
    @Override
    void logEvent(MirrorEvent event) {
        logChanged(event, Project.MSG_INFO);
    }
}
