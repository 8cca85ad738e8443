package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.upload.Upload;
import io.github.puavomirror.mirror.upload.UploadReport;
import io.github.puavomirror.mirror.upload.UploadRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Uploads the mirror to the server its clients fetch from, in the order that never shows them a
 * meta or CKSUMS line whose file is missing or partial: images and rdiffs, then metas, then
 * CKSUMS, then (with {@code delete}) what no meta lists any more. A pom-packaged release
 * project also needs {@code maven.deploy.skip}, since it has nothing else to deploy.
 */
@Mojo(name = "upload", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UploadMojo extends AbstractPuavoMojo {

    /**
     * Where to upload: {@code [user@]host:path} or {@code ssh://[user@]host[:port]/path} (rsync
     * over ssh; the user's ssh config applies), or a folder.
     */
    @Parameter(property = "puavo.uploadTo", required = true)
    private String uploadTo;

    /** Delete images and rdiffs no meta on the destination lists any more, once unlisted for {@code grace}. */
    @Parameter(property = "puavo.delete", defaultValue = "false")
    private boolean delete;

    /** How long a file must have been unlisted before {@code delete} removes it: 0, 30m, 24h, 2d. */
    @Parameter(property = "puavo.grace", defaultValue = UploadRequest.DEFAULT_GRACE)
    private String grace;

    /** List what would be sent and deleted; change nothing. */
    @Parameter(property = "puavo.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Files copied at once to a folder. Unset: up to 4. */
    @Parameter(property = "puavo.jobs")
    private Integer jobs;

    /** The remote shell for rsync. Unset: {@code RSYNC_RSH}, else ssh. */
    @Parameter(property = "puavo.rsh")
    private String rsh;

    /** Passed to rsync's {@code --bwlimit}. */
    @Parameter(property = "puavo.bwlimit")
    private String bwlimit;

    /** Skips only this goal, e.g. {@code -Dpuavo.upload.skip} for a build that should not publish. */
    @Parameter(property = "puavo.upload.skip", defaultValue = "false")
    private boolean uploadSkip;

    @Override
    String goal() {
        return "upload";
    }

    @Override
    void run() throws MojoFailureException, MirrorException {
        if (uploadSkip) {
            getLog().info("Skipping puavo:upload (puavo.upload.skip is set)");
            return;
        }
        UploadRequest.Builder b = UploadRequest.builder(mirrorDirectory.toPath(), uploadTo).delete(delete).grace(grace)
                .dryRun(dryRun).rsh(rsh).bwlimit(bwlimit);
        if (jobs != null) {
            b.jobs(jobs);
        }
        UploadReport report = Upload.run(b.build(), new LogListener(getLog()));
        if (report.dryRun()) {
            report.actions().forEach(a -> getLog().info(a.line()));
        }
        getLog().info(report.summaryLine());
    }
}
