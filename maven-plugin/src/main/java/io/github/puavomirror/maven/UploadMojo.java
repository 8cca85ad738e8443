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

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.upload.S3Settings;
import io.github.puavomirror.mirror.upload.Upload;
import io.github.puavomirror.mirror.upload.UploadReport;
import io.github.puavomirror.mirror.upload.UploadRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

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

    /** An S3-compatible server's URL instead of AWS. */
    @Parameter(property = "puavo.s3Endpoint")
    private String s3Endpoint;

    /** The S3 region. Unset: the SDK's default chain ({@code us-east-1} with an endpoint). */
    @Parameter(property = "puavo.s3Region")
    private String s3Region;

    /** Address buckets as {@code endpoint/bucket}, as most S3-compatible servers want. */
    @Parameter(property = "puavo.s3PathStyle", defaultValue = "false")
    private boolean s3PathStyle;

    /** The SDK's request-checksum mode: {@code when_supported} or {@code when_required}. */
    @Parameter(property = "puavo.s3ChecksumMode")
    private String s3ChecksumMode;

    /** Bytes per part of a multipart upload. Unset: 64 MiB. */
    @Parameter(property = "puavo.s3PartSize")
    private Long s3PartSize;

    /** Cache-Control of metas and CKSUMS on S3. */
    @Parameter(property = "puavo.metaCacheControl")
    private String metaCacheControl;

    /** Cache-Control of images and rdiffs on S3. */
    @Parameter(property = "puavo.fileCacheControl")
    private String fileCacheControl;

    /**
     * The {@code <server>} of {@code settings.xml} whose username and password are the S3 access
     * key id and secret (decrypted as Maven does). Unset: the AWS SDK's default chain.
     */
    @Parameter(property = "puavo.serverId")
    private String serverId;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    /** Skips only this goal, e.g. {@code -Dpuavo.upload.skip} for a build that should not publish. */
    @Parameter(property = "puavo.upload.skip", defaultValue = "false")
    private boolean skipUpload;

    /** {@code auto}, {@code lines} or {@code bar} (a line every few seconds for a long step), or {@code none}. */
    @Parameter(property = "puavo.progress", defaultValue = "auto")
    private String progress;

    @Override
    String goal() {
        return "upload";
    }

    @Override
    boolean skipGoal() {
        return skipUpload;
    }

    @Override
    void run() throws MojoFailureException, MirrorException {
        S3Settings s3 = new S3Settings(s3Endpoint, s3Region, s3PathStyle, s3ChecksumMode, metaCacheControl,
                fileCacheControl, s3PartSize != null ? s3PartSize : 0, null, null);
        if (serverId != null) {
            Server server = serverCredentials();
            s3 = s3.withCredentials(server.getUsername(), server.getPassword());
        }
        UploadRequest.Builder b = UploadRequest.builder(mirror(), uploadTo).delete(delete).grace(grace)
                .dryRun(dryRun).rsh(rsh).bwlimit(bwlimit).s3(s3);
        if (jobs != null) {
            b.jobs(jobs);
        }
        UploadReport report = Upload.run(b.build(), LogListener.of(getLog(), progress));
        if (report.dryRun()) {
            report.actions().forEach(a -> getLog().info(a.line()));
        }
        getLog().info(report.summaryLine());
    }

    private Server serverCredentials() throws MojoFailureException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("serverId: settings.xml has no <server> with id " + serverId);
        }
        SettingsDecryptionResult r = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!r.getProblems().isEmpty()) {
            throw new MojoFailureException("serverId: cannot decrypt the password of <server> " + serverId + ": "
                    + r.getProblems().get(0).getMessage());
        }
        Server decrypted = r.getServer();
        if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
            throw new MojoFailureException("serverId: <server> " + serverId
                    + " needs a username (the access key id) and a password (the secret)");
        }
        return decrypted;
    }
}
