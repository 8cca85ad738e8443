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
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.puavomirror.mirror.job.JobParameter.DESTINATION;
import static io.github.puavomirror.mirror.job.JobParameter.S3_REGION;

/**
 * An S3 bucket (or any S3-compatible store) through the AWS SDK. S3 has no rename: an object
 * becomes visible only when its upload completes, so a file is sent in one PUT, or as a
 * multipart upload whose parts go in parallel and which appears whole when completed. Each
 * object keeps its SHA-256 in its metadata, so a later upload skips it without reading it.
 */
final class S3Destination implements Destination {
    static final String SCHEME = "s3://";
    /** The object metadata key ({@code x-amz-meta-sha256}) holding the file's SHA-256. */
    static final String SHA256 = "sha256";

    private final String name;
    private final String bucket;
    private final String prefix;
    private final S3Settings settings;
    private final int jobs;
    private final S3Client s3;
    /**
     * SHA-256 on every PUT and part, or with {@code when_required} none: the SDK adds a checksum
     * the request names even then, and the servers that need that mode reject its headers.
     */
    private final ChecksumAlgorithm checksum;

    private S3Destination(String name, String bucket, String prefix, S3Settings settings, int jobs, S3Client s3) {
        this.name = name;
        this.bucket = bucket;
        this.prefix = prefix;
        this.settings = settings;
        this.jobs = jobs;
        this.s3 = s3;
        this.checksum = settings.checksumMode().equals("when_required") ? null : ChecksumAlgorithm.SHA256;
    }

    static S3Destination open(UploadRequest request) throws MirrorException {
        String d = request.destination();
        String rest = d.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || prefix.startsWith("/") || prefix.contains("//")) {
            throw MirrorException.usage(InvalidParameterException.of(DESTINATION,
                    d + ": expected s3://bucket/prefix with a valid bucket name"));
        }
        S3Settings s = request.s3();
        S3ClientBuilder b = S3Client.builder()
                .forcePathStyle(s.pathStyle())
                .requestChecksumCalculation(s.checksumMode().equals("when_required")
                        ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED)
                .credentialsProvider(s.accessKeyId() != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (s.endpoint() != null) {
            b.endpointOverride(URI.create(s.endpoint()));
        }
        if (s.region() != null) {
            b.region(Region.of(s.region()));
        } else if (s.endpoint() != null) {
            // S3-compatible servers mostly ignore the region, but the SDK signs with one.
            b.region(Region.US_EAST_1);
        }
        S3Client client;
        try {
            client = b.build();
        } catch (SdkException e) {
            throw MirrorException.usage(InvalidParameterException.of(S3_REGION, oneLine(e)));
        }
        return new S3Destination(d, bucket, prefix, s, request.jobs(), client);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String rootPath() {
        return prefix;
    }

    private String key(String path) {
        return prefix + path;
    }

    @Override
    public Listing list() throws IOException {
        Map<String, RemoteFile> files = new TreeMap<>();
        Map<String, byte[]> metas = new TreeMap<>();
        byte[] cksums = null;
        try {
            List<String> paths = new ArrayList<>();
            Map<String, Long> sizes = new TreeMap<>();
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                String path = o.key().substring(prefix.length());
                boolean ours = path.equals(MirrorJob.CKSUMS_FILE)
                        || (!path.contains("/") && path.endsWith(".img"))
                        || (path.startsWith(MirrorJob.RDIFFS_DIR + "/") && path.indexOf('/', 7) < 0)
                        || (path.startsWith(MirrorJob.META_DIR + "/") && path.endsWith(".json") && path.indexOf('/', 5) < 0);
                if (ours) {
                    paths.add(path);
                    sizes.put(path, o.size());
                }
            }
            for (String path : paths) {
                if (path.equals(MirrorJob.CKSUMS_FILE)) {
                    cksums = get(path);
                    files.put(path, new RemoteFile(sizes.get(path), null));
                } else if (path.startsWith(MirrorJob.META_DIR + "/")) {
                    metas.put(path, get(path));
                    files.put(path, new RemoteFile(sizes.get(path), null));
                } else {
                    Map<String, String> meta = s3.headObject(r -> r.bucket(bucket).key(key(path))).metadata();
                    files.put(path, new RemoteFile(sizes.get(path), meta.get(SHA256)));
                }
            }
        } catch (SdkException e) {
            throw failure("cannot list", e);
        }
        return new Listing(files, Set.of(), metas, cksums);
    }

    private byte[] get(String path) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(path))).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    public void send(List<Transfer> transfers, SendListener listener) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "puavo-mirror-s3");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Transfer t : transfers) {
                try {
                    if (t.size() > settings.partSize()) {
                        multipart(t, pool);
                    } else {
                        s3.putObject(r -> r.bucket(bucket).key(key(t.path())).contentType(contentType(t.path()))
                                .cacheControl(settings.fileCacheControl()).metadata(Map.of(SHA256, t.sha256()))
                                .checksumAlgorithm(checksum), RequestBody.fromFile(t.source()));
                    }
                } catch (SdkException e) {
                    throw failure("cannot upload " + t.path(), e);
                }
                listener.done(t);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parts in parallel; the object appears, whole, only when the upload completes, and is aborted on failure. */
    private void multipart(Transfer t, ExecutorService pool) throws IOException {
        String key = key(t.path());
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType(t.path()))
                .cacheControl(settings.fileCacheControl()).metadata(Map.of(SHA256, t.sha256()))
                .checksumAlgorithm(checksum)).uploadId();
        boolean completed = false;
        try {
            long part = settings.partSize();
            int count = (int) ((t.size() + part - 1) / part);
            List<CompletedPart> parts = Collections.synchronizedList(new ArrayList<>());
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i + 1;
                long offset = i * part;
                long length = Math.min(part, t.size() - offset);
                futures.add(pool.submit(() -> {
                    UploadPartResponse r = s3.uploadPart(p -> p.bucket(bucket).key(key).uploadId(uploadId)
                                    .partNumber(number).contentLength(length).checksumAlgorithm(checksum),
                            RequestBody.fromContentProvider(() -> range(t.source(), offset, length), length,
                                    "application/octet-stream"));
                    parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag())
                            .checksumSHA256(r.checksumSHA256()).build());
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                Upload.await(f);
            }
            List<CompletedPart> sorted = new ArrayList<>(parts);
            sorted.sort((a, b) -> Integer.compare(a.partNumber(), b.partNumber()));
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(sorted)));
            completed = true;
        } finally {
            if (!completed) {
                try {
                    s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
                } catch (SdkException e) {
                    // The failure that brought us here is what the user needs to read.
                }
            }
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}, read as the SDK asks (again on a retry). */
    private static InputStream range(Path file, long offset, long length) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new FilterInputStream(Channels.newInputStream(ch)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buf, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void write(List<SmallFile> files) throws IOException {
        for (SmallFile f : files) {
            try {
                s3.putObject(r -> r.bucket(bucket).key(key(f.path())).contentType(contentType(f.path()))
                        .cacheControl(settings.metaCacheControl()).checksumAlgorithm(checksum),
                        RequestBody.fromBytes(f.content()));
            } catch (SdkException e) {
                throw failure("cannot upload " + f.path(), e);
            }
        }
    }

    @Override
    public void delete(List<String> paths) throws IOException {
        for (String p : paths) {
            try {
                s3.deleteObject(r -> r.bucket(bucket).key(key(p)));
            } catch (SdkException e) {
                throw failure("cannot delete " + p, e);
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** Types wget and browsers handle: JSON metas, plain-text CKSUMS, binary images and rdiffs. */
    static String contentType(String path) {
        if (path.endsWith(".json")) {
            return "application/json";
        }
        return path.equals(MirrorJob.CKSUMS_FILE) ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    private MirrorException failure(String what, SdkException e) {
        return new MirrorException(name + ": " + what + ": " + oneLine(e), e);
    }

    /** The service's own error code and message when there is one, else the SDK's first line. */
    private static String oneLine(SdkException e) {
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return (code != null ? code : "HTTP " + s.statusCode()) + (message != null ? " (" + message + ")" : "");
        }
        if (e instanceof SdkServiceException s) {
            return "HTTP " + s.statusCode();
        }
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
