package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.upload.S3Settings;
import io.github.puavomirror.mirror.upload.Upload;
import io.github.puavomirror.mirror.upload.UploadReport;
import io.github.puavomirror.mirror.upload.UploadRequest;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

import java.io.File;

/**
 * {@code <upload mirrorDir="..." destination="..."/>}: the upload operation with the same
 * attributes as the command line's options; every rule is in {@link Upload}.
 */
public class UploadTask extends Task {
    private File mirrorDir;
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

    public void setMirrorDir(File v) {
        mirrorDir = v;
    }

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

    @Override
    public void execute() throws BuildException {
        if (mirrorDir == null || destination == null) {
            throw new BuildException("upload needs the mirrorDir and destination attributes", getLocation());
        }
        UploadRequest.Builder b = UploadRequest.builder(mirrorDir.toPath(), destination).dryRun(dryRun).delete(delete)
                .grace(grace).rsh(rsh).bwlimit(bwlimit).s3(new S3Settings(s3Endpoint, s3Region, s3PathStyle,
                        s3ChecksumMode, metaCacheControl, fileCacheControl, s3PartSize, null, null));
        if (jobs != null) {
            b.jobs(jobs);
        }
        UploadReport report;
        try {
            report = Upload.run(b.build(), event -> {
                synchronized (this) {
                    if (event instanceof MirrorEvent.Info i) {
                        log(i.message(), Project.MSG_INFO);
                    } else if (event instanceof MirrorEvent.Warning w) {
                        log(w.message(), Project.MSG_WARN);
                    } else if (event instanceof MirrorEvent.StepFinished f && f.changed()) {
                        log(f.step().label() + " " + f.name() + " (" + f.bytes() + " bytes)", Project.MSG_INFO);
                    }
                }
            });
        } catch (MirrorException e) {
            throw new BuildException(e.getMessage(), e, getLocation());
        }
        if (report.dryRun()) {
            report.actions().forEach(a -> log(a.line(), Project.MSG_INFO));
        }
        log(report.summaryLine(), Project.MSG_INFO);
    }
}
