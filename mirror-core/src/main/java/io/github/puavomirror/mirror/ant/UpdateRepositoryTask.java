package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.OutOfHeapException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <update-repository>}: publishes an image mirror, as {@code puavo-mirror update-repository}
 * does. It only translates: attributes into a {@link MirrorRequest}, the job's events into the
 * build log, and a failed run into a {@link BuildException} carrying the job's one-line message.
 *
 * <pre>{@code
 * <update-repository imageDir="/srv/images" repository="cdn.example.org" jobs="4">
 *   <series name="puavo-os-amxa-bookworm-amd64">      <!-- optional: otherwise discovered -->
 *     <image name="puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img"/>
 *   </series>
 * </update-repository>
 * }</pre>
 */
public class UpdateRepositoryTask extends Task {
    /** Where the ant launcher takes JVM options from: the task runs in Ant's JVM. */
    private static final String JAVA_OPTIONS_VARIABLE = "ANT_OPTS";
    private File imageDir;
    private File mirrorDir;
    private String repository;
    private File puavoOsDir;
    private boolean noConfig;
    private Integer jobs;
    private String engine;
    private Integer blockSize;
    private Integer targets;
    private int keep;
    private boolean dryRun;
    private boolean verifyRdiffs = true;
    private boolean failOnError = true;
    private final List<Series> series = new ArrayList<>();

    /** The folder with the built images (required). */
    public void setImageDir(File v) {
        imageDir = v;
    }

    /** The published mirror; default {@code imageDir/mirror}. */
    public void setMirrorDir(File v) {
        mirrorDir = v;
    }

    /** Host or URL prefix for the meta {@code urls}. */
    public void setRepository(String v) {
        repository = v;
    }

    /** A puavo-os checkout: the discovered series are written to its {@code config/images} first. */
    public void setPuavoOsDir(File v) {
        puavoOsDir = v;
    }

    /** With {@code puavoOsDir}: read its config instead of writing it. */
    public void setNoConfig(boolean v) {
        noConfig = v;
    }

    public void setJobs(int v) {
        jobs = v;
    }

    /** {@code auto}, {@code java} or {@code native}. */
    public void setEngine(String v) {
        engine = v;
    }

    /** rdiff block size in bytes; 0 for librsync's size-dependent default. */
    public void setBlockSize(int v) {
        blockSize = v;
    }

    /** How many of the newest images of a series get rdiffs. */
    public void setTargets(int v) {
        targets = v;
    }

    /** Publish only the newest N images of each series; 0 keeps all. */
    public void setKeep(int v) {
        keep = v;
    }

    public void setDryRun(boolean v) {
        dryRun = v;
    }

    public void setVerifyRdiffs(boolean v) {
        verifyRdiffs = v;
    }

    /** When false, a failed run is logged as an error and the build goes on. */
    public void setFailOnError(boolean v) {
        failOnError = v;
    }

    /** A nested {@code <series>}: given series replace discovery and puavo-os config. */
    public Series createSeries() {
        Series s = new Series();
        series.add(s);
        return s;
    }

    @Override
    public void execute() throws BuildException {
        try {
            MirrorJob.run(request(), new AntLog());
        } catch (OutOfHeapException e) {
            fail(e.line(JAVA_OPTIONS_VARIABLE), e);
        } catch (MirrorException e) {
            fail(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), e);
        }
    }

    private void fail(String message, Exception cause) {
        if (failOnError) {
            throw new BuildException(message, cause, getLocation());
        }
        log(message, Project.MSG_ERR);
    }

    private MirrorRequest request() {
        if (imageDir == null) {
            throw new IllegalArgumentException("update-repository needs the imageDir attribute");
        }
        MirrorRequest.Builder b = MirrorRequest.builder(imageDir.toPath())
                .repositoryUrl(repository)
                .engine(engine)
                .keep(keep)
                .verifyRdiffs(verifyRdiffs)
                .dryRun(dryRun);
        if (mirrorDir != null) {
            b.mirrorDirectory(mirrorDir.toPath());
        }
        if (puavoOsDir != null) {
            b.puavoOsDirectory(puavoOsDir.toPath(), !noConfig);
        }
        if (jobs != null) {
            b.jobs(jobs);
        }
        if (targets != null) {
            b.rdiffTargets(targets);
        }
        if (blockSize != null) {
            b.signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(blockSize));
        }
        if (!series.isEmpty()) {
            List<ImageSeries> list = new ArrayList<>();
            for (Series s : series) {
                list.add(s.toSeries());
            }
            b.series(list);
        }
        return b.build();
    }

    /** Events as log lines: the plan, what was built or written, warnings; progress stays out. */
    private final class AntLog implements MirrorListener {
        @Override
        public void on(MirrorEvent event) {
            // Worker threads report too; one message at a time keeps the log readable.
            synchronized (UpdateRepositoryTask.this) {
                if (event instanceof MirrorEvent.Info i) {
                    log(i.message(), Project.MSG_INFO);
                } else if (event instanceof MirrorEvent.Warning w) {
                    log(w.message(), Project.MSG_WARN);
                } else if (event instanceof MirrorEvent.Planned p) {
                    log(p.series() + " series, " + p.images() + " images: " + p.rdiffsToBuild()
                            + " rdiffs to build, " + p.rdiffsUpToDate() + " up to date", Project.MSG_INFO);
                } else if (event instanceof MirrorEvent.StepFinished f && f.changed()) {
                    log(f.step().label() + " " + f.name() + " (" + f.bytes() + " bytes)",
                            f.step() == MirrorEvent.Step.RDIFF ? Project.MSG_INFO : Project.MSG_VERBOSE);
                } else if (event instanceof MirrorEvent.Finished done) {
                    MirrorSummary s = done.summary();
                    log(s.series() + " series, " + s.images() + " images, " + s.rdiffs() + " rdiffs; built "
                            + s.rdiffsBuilt() + ", " + s.filesWritten() + " files written", Project.MSG_INFO);
                }
            }
        }
    }

    /** {@code <series name="...">} with nested {@code <image name="..."/>} in list order. */
    public static class Series {
        private String name;
        private final List<Image> images = new ArrayList<>();

        public void setName(String v) {
            name = v;
        }

        public Image createImage() {
            Image i = new Image();
            images.add(i);
            return i;
        }

        ImageSeries toSeries() {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("<series> needs a name");
            }
            List<ImageName> list = new ArrayList<>();
            for (Image i : images) {
                if (i.name == null) {
                    throw new IllegalArgumentException("<image> in series " + name + " needs a name");
                }
                list.add(ImageName.parse(i.name));
            }
            return new ImageSeries(name, list);
        }
    }

    /** {@code <image name="..."/>}: an image file name in the image folder. */
    public static class Image {
        private String name;

        public void setName(String v) {
            name = v;
        }
    }
}
