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

import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.Reader;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * puavo:upload to S3Proxy on loopback with the access key given only by a settings.xml
 * {@code <server>} named by {@code serverId}, its password encrypted under a master password as
 * {@code mvn --encrypt-password} writes it, and decrypted by Maven's own decrypter.
 */
class UploadMojoS3Test {
    private static final String KEY_ID = "puavo-test-key";
    private static final String SECRET = "puavo-test-secret";
    private static final String MASTER = "puavo-test-master";
    private static final String BUCKET = "mirror";

    @TempDir
    Path tmp;

    private S3Proxy proxy;
    private String endpoint;
    private Path mirror;

    @BeforeEach
    void startS3ProxyAndMakeAMirror() throws Exception {
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(Files.createDirectories(tmp.resolve("s3")).toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        try (S3Client s3 = reader()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        // What the SDK's default chain reads first, and wrong: only the settings.xml server can succeed.
        System.setProperty("aws.accessKeyId", "not-" + KEY_ID);
        System.setProperty("aws.secretAccessKey", "not-" + SECRET);
        Path images = Files.createDirectories(tmp.resolve("images"));
        Random r = new Random(16);
        for (int day = 1; day <= 2; day++) {
            byte[] image = new byte[64 << 10];
            r.nextBytes(image);
            Files.write(images.resolve(String.format("puavo-os-test-bookworm-2024-01-%02d-120000-amd64.img", day)), image);
        }
        MirrorJob.run(MirrorRequest.builder(images).engine("java").build(), MirrorListener.NONE);
        mirror = images.resolve("mirror");
    }

    @AfterEach
    void stopS3Proxy() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        proxy.stop();
    }

    private S3Client reader() {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET))).build();
    }

    /** The goal as Maven configures it from a pom naming {@code serverId}, with the user's settings.xml. */
    private UploadMojo mojo(String serverId, String password) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = tmp.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(MASTER, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
                + "</master></settingsSecurity>");
        Path settingsXml = tmp.resolve("settings.xml");
        Files.writeString(settingsXml, "<settings><servers><server><id>puavo-s3</id><username>" + KEY_ID
                + "</username><password>" + cipher.encryptAndDecorate(password, MASTER)
                + "</password></server></servers></settings>");
        Settings settings;
        try (Reader in = Files.newBufferedReader(settingsXml)) {
            settings = new SettingsXpp3Reader().read(in);
        }
        UploadMojo mojo = new UploadMojo();
        mojo.mirrorDirectory = mirror.toFile();
        set(mojo, Map.of("uploadTo", "s3://" + BUCKET, "s3Endpoint", endpoint, "s3PathStyle", true, "progress", "none",
                "serverId", serverId, "settings", settings, "settingsDecrypter",
                new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()))));
        return mojo;
    }

    private static void set(Object mojo, Map<String, Object> values) throws ReflectiveOperationException {
        for (Map.Entry<String, Object> v : values.entrySet()) {
            Field f = UploadMojo.class.getDeclaredField(v.getKey());
            f.setAccessible(true);
            f.set(mojo, v.getValue());
        }
    }

    @Test
    void uploadsWithTheKeyOfTheSettingsServerNamedByServerId() throws Exception {
        mojo("puavo-s3", SECRET).execute();
        try (S3Client s3 = reader()) {
            assertThat(s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key))
                    .contains("CKSUMS", "meta/puavo-os-test-bookworm-amd64.json",
                            "puavo-os-test-bookworm-2024-01-02-120000-amd64.img");
        }
    }

    @Test
    void aWrongSecretOrServerIdIsOneClearError() throws Exception {
        assertThatThrownBy(() -> mojo("puavo-s3", "not-" + SECRET).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("s3://" + BUCKET + ": cannot list: SignatureDoesNotMatch")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> mojo("no-such-server", SECRET).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("serverId: settings.xml has no <server> with id no-such-server");
        try (S3Client s3 = reader()) {
            assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET)).contents()).isEmpty();
        }
    }
}
