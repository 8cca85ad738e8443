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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.RequestChecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.puavomirror.mirror.job.JobParameter.DESTINATION;
import static io.github.puavomirror.mirror.job.JobParameter.JOBS;
import static io.github.puavomirror.mirror.job.JobParameter.MIRROR_DIRECTORY;

/**
 * What {@link Upload} does: every rule of the upload operation that depends on a parameter is
 * checked here, and a wrong value is reported as an {@link InvalidParameterException} naming its
 * {@link JobParameter}, which each front end spells its own way.
 *
 * @param mirrorDirectory the local mirror, as update-repository publishes it
 * @param destination     {@code [user@]host:path}, {@code ssh://[user@]host[:port]/path}, {@code s3://bucket/prefix}
 *                        or a local folder
 * @param dryRun          list what would be sent and deleted, change nothing
 * @param delete          delete what no meta on the destination lists any more (after {@code grace})
 * @param grace           how long a file must have been unlisted before {@code delete} removes it:
 *                        {@code 0} or a number with {@code s}, {@code m}, {@code h} or {@code d}; null for 24h
 * @param jobs            files copied (folders) or parts sent (S3) at once
 * @param rsh             the remote shell rsync uses, or null for {@code RSYNC_RSH} or ssh
 * @param bwlimit         rsync's {@code --bwlimit}, or null
 * @param s3               the settings of {@code s3://bucket/prefix} destinations
 */
public record UploadRequest(Path mirrorDirectory, String destination, boolean dryRun, boolean delete, String grace,
                            int jobs, String rsh, String bwlimit, S3Settings s3) {
    public static final String DEFAULT_GRACE = "24h";

    private static final Pattern GRACE = Pattern.compile("(0|[1-9][0-9]{0,8})([smhd]?)");
    private static final Pattern BWLIMIT = Pattern.compile("[0-9]+(\\.[0-9]+)?[bBkKmMgGtTpP]?");

    public UploadRequest {
        grace = grace == null ? DEFAULT_GRACE : grace;
        s3 = s3 == null ? S3Settings.DEFAULT : s3;
    }

    /** The grace period as a duration. */
    public Duration graceDuration() throws MirrorException {
        Matcher m = GRACE.matcher(grace);
        if (!m.matches() || (m.group(2).isEmpty() && !m.group(1).equals("0"))) {
            throw MirrorException.usage(InvalidParameterException.of(JobParameter.GRACE,
                    "\"" + grace + "\" is not a duration such as 0, 30m, 24h or 2d"));
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ZERO;
        };
    }

    /** Checks every parameter; the message names the first wrong one. */
    void validate() throws MirrorException {
        if (mirrorDirectory == null) {
            throw MirrorException.usage(RequestChecks.required());
        }
        if (destination == null) {
            throw MirrorException.usage(InvalidParameterException.of(DESTINATION, "missing"));
        }
        if (!Files.isDirectory(mirrorDirectory)) {
            throw MirrorException.usage(InvalidParameterException.of(MIRROR_DIRECTORY, mirrorDirectory + ": "
                    + (Files.exists(mirrorDirectory) ? "is not a folder" : "no such folder")));
        }
        if (destination.isBlank()) {
            throw MirrorException.usage(InvalidParameterException.of(DESTINATION, "empty"));
        }
        graceDuration();
        if (jobs < 1) {
            throw MirrorException.usage(InvalidParameterException.of(JOBS, "must be at least 1, got " + jobs));
        }
        if (bwlimit != null && !BWLIMIT.matcher(bwlimit).matches()) {
            throw MirrorException.usage(InvalidParameterException.of(JobParameter.BWLIMIT,
                    "\"" + bwlimit + "\" is not a rate such as 500, 20m or 1.5M"));
        }
        s3.validate(destination.startsWith(S3Destination.SCHEME));
    }

    public static Builder builder(Path mirrorDirectory, String destination) {
        return new Builder(mirrorDirectory, destination);
    }

    /** Builds a request; every value not set keeps its default. */
    public static final class Builder {
        private final Path mirrorDirectory;
        private final String destination;
        private boolean dryRun;
        private boolean delete;
        private String grace;
        private int jobs = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private String rsh;
        private String bwlimit;
        private S3Settings s3;

        private Builder(Path mirrorDirectory, String destination) {
            this.mirrorDirectory = mirrorDirectory;
            this.destination = destination;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public Builder delete(boolean v) {
            delete = v;
            return this;
        }

        public Builder grace(String v) {
            grace = v;
            return this;
        }

        public Builder jobs(int v) {
            jobs = v;
            return this;
        }

        public Builder rsh(String v) {
            rsh = v;
            return this;
        }

        public Builder bwlimit(String v) {
            bwlimit = v;
            return this;
        }

        public Builder s3(S3Settings v) {
            s3 = v;
            return this;
        }

        public UploadRequest build() {
            return new UploadRequest(mirrorDirectory, destination, dryRun, delete, grace, jobs, rsh, bwlimit, s3);
        }
    }
}
