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
package io.github.puavomirror.mirror.job;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.github.puavomirror.mirror.job.Operation.MIRROR;
import static io.github.puavomirror.mirror.job.Operation.PRUNE;
import static io.github.puavomirror.mirror.job.Operation.SYNC;
import static io.github.puavomirror.mirror.job.Operation.UPLOAD;
import static io.github.puavomirror.mirror.job.Operation.VERIFY;

/**
 * The parameters of the operations, one vocabulary for all front ends. The core's usage errors
 * say which parameter is wrong ({@link InvalidParameterException}); each front end spells it its
 * own way ({@code --rdiff-targets}, {@code <rdiffTargets>}, {@code rdiffTargets="…"}) through a
 * {@link ParameterNames}. {@link #canonicalName()} is the Maven parameter and Ant attribute name.
 */
public enum JobParameter {
    IMAGE_DIRECTORY("imageDirectory", MIRROR, VERIFY, PRUNE, SYNC, UPLOAD),
    MIRROR_DIRECTORY("mirrorDirectory", MIRROR, VERIFY, PRUNE, SYNC, UPLOAD),
    UPSTREAM("upstream", SYNC),
    DESTINATION("destination", UPLOAD),
    REPOSITORY("repository", MIRROR, SYNC),
    KEEP_URLS("keepUrls", SYNC),
    PUAVO_OS_DIRECTORY("puavoOsDirectory", MIRROR),
    WRITE_CONFIG("writeConfig", MIRROR),
    SERIES("series", MIRROR),
    SERIES_PATTERNS("seriesPatterns", SYNC),
    EXCLUDE_PATTERNS("excludePatterns", SYNC),
    RDIFF_TARGETS("rdiffTargets", MIRROR),
    KEEP("keep", MIRROR, SYNC),
    SIGNATURE_TYPE("signatureType", MIRROR),
    BLOCK_SIZE("blockSize", MIRROR),
    SUM_SIZE("sumSize", MIRROR),
    VERIFY_RDIFFS("verifyRdiffs", MIRROR),
    DEEP("deep", VERIFY),
    URL("url", VERIFY),
    SAMPLE("sample", VERIFY),
    CA_CERTIFICATE("caCertificate", VERIFY, SYNC),
    WAIT_FOR_LOCK("waitForLock", SYNC),
    DELETE("delete", UPLOAD),
    GRACE("grace", UPLOAD),
    RSH("rsh", UPLOAD),
    BWLIMIT("bwlimit", UPLOAD),
    S3_ENDPOINT("s3Endpoint", UPLOAD),
    S3_REGION("s3Region", UPLOAD),
    S3_PATH_STYLE("s3PathStyle", UPLOAD),
    S3_CHECKSUM_MODE("s3ChecksumMode", UPLOAD),
    S3_PART_SIZE("s3PartSize", UPLOAD),
    META_CACHE_CONTROL("metaCacheControl", UPLOAD),
    FILE_CACHE_CONTROL("fileCacheControl", UPLOAD),
    ENGINE("engine", MIRROR, VERIFY),
    JOBS("jobs", MIRROR, VERIFY, SYNC, UPLOAD),
    DRY_RUN("dryRun", MIRROR, PRUNE, SYNC, UPLOAD),
    PROGRESS("progress", MIRROR, VERIFY, SYNC, UPLOAD);

    private final String canonicalName;
    private final Set<Operation> operations;

    JobParameter(String canonicalName, Operation first, Operation... more) {
        this.canonicalName = canonicalName;
        this.operations = EnumSet.of(first, more);
    }

    /** The name in camel case, as Maven and Ant spell it and the README's table lists it. */
    public String canonicalName() {
        return canonicalName;
    }

    public boolean belongsTo(Operation operation) {
        return operations.contains(operation);
    }

    /** The parameters of {@code operation}, in declaration order. */
    public static List<JobParameter> of(Operation operation) {
        return List.of(values()).stream().filter(p -> p.belongsTo(operation)).toList();
    }
}
