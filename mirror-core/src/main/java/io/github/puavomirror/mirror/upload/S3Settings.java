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

import java.net.URI;
import java.net.URISyntaxException;

import static io.github.puavomirror.mirror.job.JobParameter.S3_CHECKSUM_MODE;
import static io.github.puavomirror.mirror.job.JobParameter.S3_ENDPOINT;
import static io.github.puavomirror.mirror.job.JobParameter.S3_PART_SIZE;
import static io.github.puavomirror.mirror.job.JobParameter.S3_PATH_STYLE;
import static io.github.puavomirror.mirror.job.JobParameter.S3_REGION;

/**
 * How an {@code s3://bucket/prefix} destination is reached and what its objects carry.
 * Credentials come from the AWS SDK's default chain (environment, profile, instance role),
 * or from {@code accessKeyId} and {@code secretAccessKey} when a front end has them from its own
 * credential store (Maven's {@code settings.xml}); never from a command line.
 *
 * @param endpoint          an S3-compatible server's URL, or null for AWS
 * @param region            the region, or null for the SDK's default chain ({@code us-east-1} with an endpoint)
 * @param pathStyle         address buckets as {@code endpoint/bucket} rather than {@code bucket.endpoint}
 * @param checksumMode      the SDK's request-checksum calculation: {@code when_supported} (default) or
 *                          {@code when_required}, which some S3-compatible servers need: then no
 *                          request carries a checksum (objects still keep their SHA-256 in metadata)
 * @param metaCacheControl  Cache-Control of metas and CKSUMS
 * @param fileCacheControl  Cache-Control of images and rdiffs
 * @param partSize          bytes per part of a multipart upload; files larger than this go up in parts
 * @param accessKeyId       or null for the default chain
 * @param secretAccessKey   with {@code accessKeyId}
 */
public record S3Settings(String endpoint, String region, boolean pathStyle, String checksumMode,
                         String metaCacheControl, String fileCacheControl, long partSize, String accessKeyId,
                         String secretAccessKey) {
    public static final String DEFAULT_META_CACHE_CONTROL = "public, max-age=60";
    public static final String DEFAULT_FILE_CACHE_CONTROL = "public, max-age=604800";
    public static final long DEFAULT_PART_SIZE = 64L << 20;
    /** The smallest part S3 accepts, but for the last. */
    public static final long MIN_PART_SIZE = 5L << 20;
    public static final S3Settings DEFAULT = new S3Settings(null, null, false, null, null, null, 0, null, null);

    public S3Settings {
        checksumMode = checksumMode == null ? "when_supported" : checksumMode;
        metaCacheControl = metaCacheControl == null ? DEFAULT_META_CACHE_CONTROL : metaCacheControl;
        fileCacheControl = fileCacheControl == null ? DEFAULT_FILE_CACHE_CONTROL : fileCacheControl;
        partSize = partSize == 0 ? DEFAULT_PART_SIZE : partSize;
    }

    /** Settings for an S3-compatible server at {@code endpoint}, everything else default. */
    public static S3Settings at(String endpoint, String region, boolean pathStyle) {
        return new S3Settings(endpoint, region, pathStyle, null, null, null, 0, null, null);
    }

    public S3Settings withChecksumMode(String v) {
        return new S3Settings(endpoint, region, pathStyle, v, metaCacheControl, fileCacheControl, partSize, accessKeyId,
                secretAccessKey);
    }

    public S3Settings withCacheControl(String meta, String file) {
        return new S3Settings(endpoint, region, pathStyle, checksumMode, meta, file, partSize, accessKeyId,
                secretAccessKey);
    }

    public S3Settings withPartSize(long v) {
        return new S3Settings(endpoint, region, pathStyle, checksumMode, metaCacheControl, fileCacheControl, v,
                accessKeyId, secretAccessKey);
    }

    public S3Settings withCredentials(String keyId, String secret) {
        return new S3Settings(endpoint, region, pathStyle, checksumMode, metaCacheControl, fileCacheControl, partSize,
                keyId, secret);
    }

    /** Checks each setting; those that only S3 uses are refused for other destinations. */
    void validate(boolean s3Destination) throws MirrorException {
        if (!s3Destination) {
            if (endpoint != null || region != null || pathStyle) {
                throw MirrorException.usage(InvalidParameterException.of(
                        endpoint != null ? S3_ENDPOINT : region != null ? S3_REGION : S3_PATH_STYLE,
                        "applies to s3:// destinations only"));
            }
            return;
        }
        if (endpoint != null) {
            try {
                URI u = new URI(endpoint);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    throw new URISyntaxException(endpoint, "expected http(s)://host[:port]");
                }
            } catch (URISyntaxException e) {
                throw MirrorException.usage(InvalidParameterException.of(S3_ENDPOINT, endpoint + ": " + e.getReason()));
            }
        }
        if (!checksumMode.equals("when_supported") && !checksumMode.equals("when_required")) {
            throw MirrorException.usage(InvalidParameterException.of(S3_CHECKSUM_MODE, "\"" + checksumMode
                    + "\" is not when_supported or when_required"));
        }
        if (partSize < MIN_PART_SIZE) {
            throw MirrorException.usage(InvalidParameterException.of(S3_PART_SIZE,
                    partSize + " is below S3's smallest part, " + MIN_PART_SIZE));
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw MirrorException.usage("s3 credentials: an access key id needs its secret, and a secret its key id");
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + ", checksumMode="
                + checksumMode + ", partSize=" + partSize + (accessKeyId != null ? ", credentials given" : "") + "]";
    }
}
