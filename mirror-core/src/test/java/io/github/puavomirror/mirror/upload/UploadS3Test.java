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

import io.github.puavomirror.mirror.FileChecksums;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.SampleSeries;
import io.github.puavomirror.mirror.upload.UploadReport.Kind;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads to S3Proxy (filesystem backend) on loopback, read back through its S3 HTTP API. */
class UploadS3Test {
    private static final String KEY_ID = "puavo-test-key";
    private static final String SECRET = "puavo-test-secret";
    private static final String BUCKET = "mirror";
    /** Larger than the smallest part, so images go up as multipart uploads of two parts. */
    private static final int IMAGE_SIZE = 6 << 20;

    @TempDir
    Path tmp;

    private S3Proxy proxy;
    private String endpoint;
    private S3Client reader;

    @BeforeEach
    void startS3Proxy() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("s3"));
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(store.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        reader = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .build();
        reader.createBucket(b -> b.bucket(BUCKET));
        // The SDK's default chain reads these first: what an operator's environment would give.
        System.setProperty("aws.accessKeyId", KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET);
    }

    @AfterEach
    void stopS3Proxy() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (reader != null) {
            reader.close();
        }
        proxy.stop();
    }

    private UploadRequest.Builder request(SampleMirror m, String destination) {
        return UploadRequest.builder(m.mirror, destination).jobs(2)
                .s3(S3Settings.at(endpoint, null, true).withPartSize(S3Settings.MIN_PART_SIZE));
    }

    /** The bucket as clients read it over HTTP. */
    private ClientLoop.Served served(String prefix) {
        return new ClientLoop.Served() {
            @Override
            public byte[] get(String path) {
                try {
                    return reader.getObjectAsBytes(r -> r.bucket(BUCKET).key(prefix + path)).asByteArray();
                } catch (NoSuchKeyException e) {
                    return null;
                }
            }

            @Override
            public List<String> metas() {
                return reader.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(prefix + "meta/")).contents().stream()
                        .map(o -> o.key().substring(prefix.length())).filter(k -> k.endsWith(".json")).toList();
            }
        };
    }

    private Map<String, Long> objects() {
        Map<String, Long> out = new TreeMap<>();
        for (S3Object o : reader.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()) {
            out.put(o.key(), o.size());
        }
        return out;
    }

    @Test
    void uploadsInOrderAsMultipartWithMetadataThenSkipsThenDeletes() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2, IMAGE_SIZE);
        String dest = "s3://" + BUCKET;
        try (ClientLoop client = ClientLoop.start(served(""))) {
            UploadReport r = Upload.run(request(m, dest).build(), MirrorListener.NONE);
            assertThat(client.stop()).isEmpty();
            assertThat(r.actions()).extracting(UploadReport.Action::kind).containsSubsequence(Kind.SEND, Kind.META,
                    Kind.CKSUMS);
        }
        HeadObjectResponse image = reader.headObject(r -> r.bucket(BUCKET).key(SampleSeries.name(2)));
        assertThat(image.contentLength()).isEqualTo(Files.size(m.mirror.resolve(SampleSeries.name(2))));
        assertThat(image.metadata()).containsKey(S3Destination.SHA256);
        assertThat(image.eTag()).as("a multipart upload's ETag counts its parts").endsWith("-2\"");
        assertThat(image.cacheControl()).isEqualTo(S3Settings.DEFAULT_FILE_CACHE_CONTROL);
        HeadObjectResponse meta = reader.headObject(r -> r.bucket(BUCKET).key("meta/" + SampleSeries.PREFIX + "-amd64.json"));
        assertThat(meta.contentType()).isEqualTo("application/json");
        assertThat(meta.cacheControl()).isEqualTo(S3Settings.DEFAULT_META_CACHE_CONTROL);

        assertThat(Upload.run(request(m, dest).build(), MirrorListener.NONE).upToDate()).isTrue();

        m.republish(3, 2, 4096);
        try (ClientLoop client = ClientLoop.start(served(""))) {
            UploadReport r = Upload.run(request(m, dest).delete(true).grace("0").build(), MirrorListener.NONE);
            assertThat(client.stop()).isEmpty();
            assertThat(r.actions()).extracting(UploadReport.Action::kind).containsSubsequence(Kind.SEND, Kind.META,
                    Kind.CKSUMS, Kind.DELETE);
        }
        assertThat(objects()).doesNotContainKey(SampleSeries.name(1)).containsKey(SampleSeries.name(3));
    }

    @Test
    void anImageRebuiltUnderItsNameIsWithdrawnReplacedAndListedAgainWhileAClientReads() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2, 1 << 20);
        Upload.run(request(m, "s3://" + BUCKET).build(), MirrorListener.NONE);
        m.rebuild(2);
        UploadReport r;
        try (ClientLoop client = ClientLoop.start(served(""))) {
            r = Upload.run(request(m, "s3://" + BUCKET).build(), MirrorListener.NONE);
            assertThat(client.stop()).isEmpty();
        }
        List<Kind> kinds = r.actions().stream().map(UploadReport.Action::kind).toList();
        assertThat(kinds).containsSubsequence(Kind.WITHDRAW, Kind.SEND, Kind.META, Kind.CKSUMS);
        assertThat(kinds.lastIndexOf(Kind.WITHDRAW)).isLessThan(kinds.indexOf(Kind.SEND));
        assertThat(r.actions().stream().filter(a -> a.kind() == Kind.SEND).map(UploadReport.Action::path))
                .contains(SampleSeries.name(2));
        Path image = m.mirror.resolve(SampleSeries.name(2));
        assertThat(reader.getObjectAsBytes(g -> g.bucket(BUCKET).key(SampleSeries.name(2))).asByteArray())
                .isEqualTo(Files.readAllBytes(image));
        assertThat(reader.headObject(h -> h.bucket(BUCKET).key(SampleSeries.name(2))).metadata())
                .containsEntry(S3Destination.SHA256, FileChecksums.compute(image).sha256());
    }

    @Test
    void aKilledUploadProcessLeavesNothingAClientFaultsOnAndTheNextUploadCompletesIt() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 1, IMAGE_SIZE);
        String dest = "s3://" + BUCKET;
        Upload.run(request(m, dest).build(), MirrorListener.NONE);
        List<String> child = List.of("-D" + ChildUpload.S3_ENDPOINT + "=" + endpoint, "-Daws.accessKeyId=" + KEY_ID,
                "-Daws.secretAccessKey=" + SECRET);
        // SIGKILL while the first multipart upload is under way, then between the metas and CKSUMS.
        List<String[]> kills = List.of(new String[] {"E StepStarted[step=UPLOAD"},
                new String[] {"PAUSED", "StepFinished[step=META"});
        int day = 1;
        for (String[] kill : kills) {
            // Two images listed, so the client's passes stay short.
            m.republish(++day, 2, 4096);
            try (ClientLoop client = ClientLoop.start(served(""))) {
                List<String> args = new java.util.ArrayList<>(List.of(m.mirror.toString(), dest, "", ""));
                if (kill.length > 1) {
                    args.add(kill[1]);
                }
                ChildUpload.killWhen(kill[0], child, args.toArray(String[]::new));
                assertThat(client.stop()).isEmpty();
            }
            try (ClientLoop client = ClientLoop.start(served(""))) {
                assertThat(Upload.run(request(m, dest).build(), MirrorListener.NONE).upToDate()).isFalse();
                assertThat(client.stop()).isEmpty();
            }
            assertThat(new String(reader.getObjectAsBytes(g -> g.bucket(BUCKET).key("CKSUMS")).asByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains(SampleSeries.name(day));
        }
        assertThat(objects()).containsKey(SampleSeries.name(3));
    }

    @Test
    void anObjectWithoutOurChecksumIsSentAgainAndAPrefixGetsTheWarning() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2, 1 << 20);
        Path image = m.mirror.resolve(SampleSeries.name(1));
        reader.putObject(r -> r.bucket(BUCKET).key("sub/" + SampleSeries.name(1)), RequestBody.fromFile(image));
        List<String> warnings = new java.util.ArrayList<>();
        UploadReport r = Upload.run(request(m, "s3://" + BUCKET + "/sub").build(), e -> {
            if (e instanceof io.github.puavomirror.mirror.job.MirrorEvent.Warning w) {
                warnings.add(w.message());
            }
        });
        assertThat(r.actions()).extracting(UploadReport.Action::path).contains(SampleSeries.name(1));
        assertThat(reader.headObject(h -> h.bucket(BUCKET).key("sub/" + SampleSeries.name(1))).metadata())
                .containsKey(S3Destination.SHA256);
        assertThat(warnings).anyMatch(w -> w.contains("root of a host"));
    }

    @Test
    void badCredentialsAndAMissingBucketAreOneLineAndChangeNothing() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2, 1 << 20);
        Upload.run(request(m, "s3://" + BUCKET).build(), MirrorListener.NONE);
        m.republish(3, 0, 256);
        Map<String, Long> before = objects();
        System.setProperty("aws.secretAccessKey", "wrong");
        assertThatThrownBy(() -> Upload.run(request(m, "s3://" + BUCKET).build(), MirrorListener.NONE))
                .isInstanceOf(MirrorException.class)
                .hasMessageStartingWith("s3://" + BUCKET + ": cannot list: SignatureDoesNotMatch")
                .hasMessageNotContaining("\n");
        System.setProperty("aws.secretAccessKey", SECRET);
        assertThat(objects()).isEqualTo(before);
        assertThatThrownBy(() -> Upload.run(request(m, "s3://no-such-bucket").build(), MirrorListener.NONE))
                .isInstanceOf(MirrorException.class)
                .hasMessageStartingWith("s3://no-such-bucket: cannot list: NoSuchBucket");
    }

    @Test
    void whenRequiredChecksumModeSendsNoChecksumsAndWhenSupportedSendsSha256() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 1, IMAGE_SIZE);
        String sent;
        try (TcpRecorder recorder = TcpRecorder.start(proxy.getPort())) {
            S3Settings s3 = S3Settings.at("http://127.0.0.1:" + recorder.port(), null, true)
                    .withPartSize(S3Settings.MIN_PART_SIZE).withChecksumMode("when_required");
            assertThat(Upload.run(UploadRequest.builder(m.mirror, "s3://" + BUCKET).jobs(2).s3(s3).build(),
                    MirrorListener.NONE).filesSent()).isEqualTo(1);
            sent = recorder.sent();
        }
        assertThat(sent).as("a multipart upload, a meta and CKSUMS, each with our own SHA-256 metadata")
                .contains("?uploads", "partNumber=2", "PUT /" + BUCKET + "/meta/", "PUT /" + BUCKET + "/CKSUMS")
                .containsIgnoringCase("x-amz-meta-sha256:")
                .doesNotContainIgnoringCase("x-amz-checksum-").doesNotContainIgnoringCase("x-amz-sdk-checksum-algorithm")
                .doesNotContainIgnoringCase("x-amz-trailer");
        Path image = m.mirror.resolve(SampleSeries.name(1));
        assertThat(reader.getObjectAsBytes(g -> g.bucket(BUCKET).key(SampleSeries.name(1))).asByteArray())
                .isEqualTo(Files.readAllBytes(image));
        assertThat(Upload.run(request(m, "s3://" + BUCKET).build(), MirrorListener.NONE).upToDate()).isTrue();

        m.republish(2, 0, 4096);
        try (TcpRecorder recorder = TcpRecorder.start(proxy.getPort())) {
            S3Settings s3 = S3Settings.at("http://127.0.0.1:" + recorder.port(), null, true)
                    .withPartSize(S3Settings.MIN_PART_SIZE);
            Upload.run(UploadRequest.builder(m.mirror, "s3://" + BUCKET).jobs(2).s3(s3).build(), MirrorListener.NONE);
            assertThat(recorder.sent()).as("the default, when_supported").containsIgnoringCase("x-amz-checksum-sha256");
        }
    }

    @Test
    void s3SettingsAreRefusedForOtherDestinationsByName() throws IOException {
        SampleMirror m = SampleMirror.publish(tmp, 1, 1 << 16);
        assertThatThrownBy(() -> Upload.run(request(m, tmp.resolve("www").toString()).build(), MirrorListener.NONE))
                .hasMessage("s3Endpoint: applies to s3:// destinations only");
        assertThatThrownBy(() -> Upload.run(UploadRequest.builder(m.mirror, "s3://" + BUCKET)
                .s3(S3Settings.at(endpoint, null, true).withChecksumMode("sometimes")).build(), MirrorListener.NONE))
                .hasMessageStartingWith("s3ChecksumMode: ");
    }
}
