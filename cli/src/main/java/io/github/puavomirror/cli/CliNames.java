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

import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.ParameterNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The command line's spelling of the contract's parameters, for the core's usage errors: the
 * long option, or the positional argument's label. The contract test checks that every mirror
 * command's option maps to a parameter here and every parameter to an option.
 */
final class CliNames {
    private static final Map<JobParameter, String> NAMES = new EnumMap<>(JobParameter.class);

    static {
        NAMES.put(JobParameter.IMAGE_DIRECTORY, "IMAGE_DIR");
        NAMES.put(JobParameter.MIRROR_DIRECTORY, "MIRROR_DIR");
        NAMES.put(JobParameter.REPOSITORY, "--repository");
        NAMES.put(JobParameter.PUAVO_OS_DIRECTORY, "--puavo-os");
        NAMES.put(JobParameter.WRITE_CONFIG, "--write-config");
        NAMES.put(JobParameter.SERIES, "the series of --puavo-os");
        NAMES.put(JobParameter.RDIFF_TARGETS, "--rdiff-targets");
        NAMES.put(JobParameter.KEEP, "--keep");
        NAMES.put(JobParameter.SIGNATURE_TYPE, "--signature-type");
        NAMES.put(JobParameter.BLOCK_SIZE, "--block-size");
        NAMES.put(JobParameter.SUM_SIZE, "--sum-size");
        NAMES.put(JobParameter.VERIFY_RDIFFS, "--no-verify-rdiffs");
        NAMES.put(JobParameter.DEEP, "--deep");
        NAMES.put(JobParameter.URL, "MIRROR_DIR");
        NAMES.put(JobParameter.SAMPLE, "--sample");
        NAMES.put(JobParameter.CA_CERTIFICATE, "--ca-certificate");
        NAMES.put(JobParameter.ENGINE, "--engine");
        NAMES.put(JobParameter.JOBS, "--jobs");
        NAMES.put(JobParameter.DRY_RUN, "--dry-run");
        NAMES.put(JobParameter.PROGRESS, "--progress");
        NAMES.put(JobParameter.UPSTREAM, "UPSTREAM_URL");
        NAMES.put(JobParameter.DESTINATION, "DESTINATION");
        NAMES.put(JobParameter.KEEP_URLS, "--keep-urls");
        NAMES.put(JobParameter.SERIES_PATTERNS, "--series");
        NAMES.put(JobParameter.EXCLUDE_PATTERNS, "--exclude");
        NAMES.put(JobParameter.WAIT_FOR_LOCK, "--wait");
        NAMES.put(JobParameter.DELETE, "--delete");
        NAMES.put(JobParameter.GRACE, "--grace");
        NAMES.put(JobParameter.RSH, "--rsh");
        NAMES.put(JobParameter.BWLIMIT, "--bwlimit");
        NAMES.put(JobParameter.S3_ENDPOINT, "--s3-endpoint");
        NAMES.put(JobParameter.S3_REGION, "--s3-region");
        NAMES.put(JobParameter.S3_PATH_STYLE, "--s3-path-style");
        NAMES.put(JobParameter.S3_CHECKSUM_MODE, "--s3-checksum-mode");
        NAMES.put(JobParameter.S3_PART_SIZE, "--s3-part-size");
        NAMES.put(JobParameter.META_CACHE_CONTROL, "--meta-cache-control");
        NAMES.put(JobParameter.FILE_CACHE_CONTROL, "--file-cache-control");
    }

    /** The spelling for messages. */
    static final ParameterNames SPELLING = NAMES::get;

    private CliNames() {
    }

    /** The option or label that stands for {@code parameter}. */
    static String of(JobParameter parameter) {
        return NAMES.get(parameter);
    }

    /** A core usage error as picocli's usage error, so it gets the usual one line and help hint. */
    static ParameterException usage(CommandSpec spec, MirrorException e) {
        return new ParameterException(spec.commandLine(), e.message(SPELLING), e);
    }

    /** A core usage error found while translating one option, as a picocli usage error. */
    static ParameterException usage(CommandSpec spec, InvalidParameterException e) {
        return new ParameterException(spec.commandLine(), e.message(SPELLING), e);
    }

    /** Warns that {@code old} still works but will go: {@code puavo-mirror: warning: OLD is deprecated: ...}. */
    static void deprecated(PrintStream err, String old, String instead) {
        err.println("puavo-mirror: warning: " + old + " is deprecated: " + instead);
    }
}
