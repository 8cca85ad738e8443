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
package io.github.puavomirror.cli;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.upload.S3Settings;
import io.github.puavomirror.mirror.upload.Upload;
import io.github.puavomirror.mirror.upload.UploadReport;
import io.github.puavomirror.mirror.upload.UploadRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Puts a mirror on the server its clients fetch from; every rule is in {@link Upload}. */
@Command(name = "upload",
        description = {
            "Upload MIRROR_DIR to DESTINATION in the order that never shows clients a",
            "meta or CKSUMS line whose file is missing or partial: images and rdiffs,",
            "then metas, then CKSUMS, then (with --delete) what no meta lists any more.",
            "DESTINATION: [user@]host:path or ssh://[user@]host[:port]/path (rsync over",
            "ssh; your ssh config applies), s3://bucket/prefix (AWS SDK; credentials",
            "from its default chain: environment, profile, instance role), or a folder.",
        },
        sortOptions = false,
        footer = {"", "Exit status: 0 done, 1 failed, 2 usage error."})
public final class UploadCommand implements Callable<Integer> {
    @ParentCommand
    PuavoMirrorCommand parent;

    @Option(names = {"-n", "--dry-run"}, description = "List what would be sent and deleted, in order; change nothing.")
    boolean dryRun;

    @Option(names = "--delete", description = "Delete images and rdiffs no meta on the destination lists any more.")
    boolean delete;

    @Option(names = "--grace", paramLabel = "DURATION",
            description = "How long a file must have been unlisted before --delete removes it: 0, 30m, 24h, 2d; "
                    + "default: " + UploadRequest.DEFAULT_GRACE + ".")
    String grace;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files copied at once to a folder.")
    Integer jobs;

    @Option(names = "--rsh", paramLabel = "CMD", description = "The remote shell for rsync; default: $RSYNC_RSH or ssh.")
    String rsh;

    @Option(names = "--bwlimit", paramLabel = "RATE", description = "Passed to rsync's --bwlimit.")
    String bwlimit;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "An S3-compatible server instead of AWS.")
    String s3Endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", description = "Default: the SDK's chain (us-east-1 with --s3-endpoint).")
    String s3Region;

    @Option(names = "--s3-path-style", description = "Address buckets as ENDPOINT/BUCKET, as most S3-compatible servers want.")
    boolean s3PathStyle;

    @Option(names = "--s3-checksum-mode", paramLabel = "MODE",
            description = "when_supported (default) or when_required, for servers that reject the SDK's checksums.")
    String s3ChecksumMode;

    @Option(names = "--s3-part-size", paramLabel = "BYTES", description = "Multipart part size; default 64 MiB.")
    long s3PartSize;

    @Option(names = "--meta-cache-control", paramLabel = "VALUE",
            description = "Cache-Control of metas and CKSUMS; default: " + S3Settings.DEFAULT_META_CACHE_CONTROL + ".")
    String metaCacheControl;

    @Option(names = "--file-cache-control", paramLabel = "VALUE",
            description = "Cache-Control of images and rdiffs; default: " + S3Settings.DEFAULT_FILE_CACHE_CONTROL + ".")
    String fileCacheControl;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "MIRROR_DIR", description = "The local mirror.")
    Path mirrorDir;

    @Parameters(index = "1", paramLabel = "DESTINATION", description = "Where clients fetch the mirror from.")
    String destination;

    @Override
    public Integer call() throws CliFailure {
        UploadRequest.Builder b = UploadRequest.builder(mirrorDir, destination).dryRun(dryRun).delete(delete)
                .grace(grace).rsh(rsh).bwlimit(bwlimit).s3(new S3Settings(s3Endpoint, s3Region, s3PathStyle,
                        s3ChecksumMode, metaCacheControl, fileCacheControl, s3PartSize, null, null));
        if (jobs != null) {
            b.jobs(jobs);
        }
        CliIo io = parent.io();
        UploadReport report;
        try (ProgressRenderer renderer = progress.renderer(io, dryRun)) {
            report = Upload.run(b.build(), renderer);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        PrintWriter out = io.outWriter();
        if (report.dryRun()) {
            report.actions().forEach(a -> out.println(a.line()));
        }
        out.println(report.summaryLine());
        out.flush();
        return 0;
    }
}
