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
package io.github.puavomirror.mirror.sync;

import io.github.puavomirror.mirror.Names;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.mirror.http.ServedMirror;
import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.RequestChecks;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import static io.github.puavomirror.mirror.job.JobParameter.EXCLUDE_PATTERNS;
import static io.github.puavomirror.mirror.job.JobParameter.JOBS;
import static io.github.puavomirror.mirror.job.JobParameter.KEEP;
import static io.github.puavomirror.mirror.job.JobParameter.KEEP_URLS;
import static io.github.puavomirror.mirror.job.JobParameter.MIRROR_DIRECTORY;
import static io.github.puavomirror.mirror.job.JobParameter.REPOSITORY;
import static io.github.puavomirror.mirror.job.JobParameter.SERIES_PATTERNS;
import static io.github.puavomirror.mirror.job.JobParameter.UPSTREAM;

/**
 * What {@link SyncJob} mirrors, with every rule of the parameters; front ends only fill it in.
 * Usage errors are {@link InvalidParameterException}s naming the {@link JobParameter}, which
 * each front end spells its own way.
 *
 * @param upstream          the served mirror to copy from, {@code http(s)://host/[path/]}
 * @param mirrorDirectory   the local mirror, which may also hold series that update-repository publishes
 * @param seriesPatterns    series names or globs ({@code *}, {@code ?}, {@code [..]}); empty for every series
 *                          upstream's CKSUMS lists
 * @param excludePatterns   globs of series to leave out
 * @param keep              newest images kept per series (with every rdiff into them); 0 keeps all
 * @param repositoryUrl     the local mirror's URL (the {@code repository} parameter), written into the metas' {@code urls}
 * @param keepUrls          keep upstream's {@code urls} instead (then no repository)
 * @param jobs              rdiffs downloaded at once
 * @param dryRun            say what would be downloaded; change nothing
 * @param waitForLock       wait for a running job to finish instead of failing at once
 * @param caCertificate     a PEM file of CAs to trust besides the JDK's, or null
 */
public record SyncRequest(String upstream, Path mirrorDirectory, List<String> seriesPatterns,
                          List<String> excludePatterns, int keep, String repositoryUrl, boolean keepUrls, int jobs,
                          boolean dryRun, boolean waitForLock, Path caCertificate) {

    public SyncRequest {
        seriesPatterns = seriesPatterns == null ? List.of() : List.copyOf(seriesPatterns);
        excludePatterns = excludePatterns == null ? List.of() : List.copyOf(excludePatterns);
    }

    /** Checked parameters: the parsed upstream, the metas' base URL (null with keepUrls) and the patterns. */
    record Checked(ServedMirror upstream, RepositoryUrl base, List<Selector> series, List<PathMatcher> excludes) {
    }

    /** One {@code seriesPatterns} entry: a name fetched directly, or a glob matched against CKSUMS' series. */
    record Selector(String pattern, PathMatcher glob) {
        boolean isGlob() {
            return glob != null;
        }
    }

    /**
     * @throws MirrorException a usage error naming the parameter
     */
    Checked check() throws MirrorException {
        ServedMirror served = ServedMirror.at(upstream, UPSTREAM);
        if (mirrorDirectory == null) {
            throw MirrorException.usage(RequestChecks.required());
        }
        if (Files.exists(mirrorDirectory) && !Files.isDirectory(mirrorDirectory)) {
            throw MirrorException.usage(InvalidParameterException.of(MIRROR_DIRECTORY,
                    mirrorDirectory + " is not a folder"));
        }
        if (keep < 0) {
            throw MirrorException.usage(InvalidParameterException.of(KEEP, "must not be negative, got " + keep));
        }
        if (jobs < 1) {
            throw MirrorException.usage(InvalidParameterException.of(JOBS, "must be at least 1, got " + jobs));
        }
        RepositoryUrl base = null;
        if (keepUrls) {
            if (repositoryUrl != null) {
                throw MirrorException.usage(new InvalidParameterException(REPOSITORY, n -> n.of(REPOSITORY)
                        + ": not with " + n.of(KEEP_URLS) + " (give one of them)"));
            }
        } else if (repositoryUrl == null) {
            throw MirrorException.usage(new InvalidParameterException(REPOSITORY, n -> n.of(REPOSITORY)
                    + ": required unless " + n.of(KEEP_URLS) + " is set (boot servers follow the metas' urls,"
                    + " and upstream's would send them back upstream)"));
        } else {
            try {
                base = RepositoryUrl.parse(repositoryUrl);
            } catch (IllegalArgumentException e) {
                throw MirrorException.usage(InvalidParameterException.of(REPOSITORY, e.getMessage()));
            }
        }
        List<Selector> selectors = new ArrayList<>();
        for (String p : seriesPatterns) {
            if (!isGlob(p)) {
                Optional<String> bad = Names.fileNameProblem(p + ".json", 255);
                if (bad.isPresent()) {
                    throw MirrorException.usage(InvalidParameterException.of(SERIES_PATTERNS,
                            Names.quote(p) + " is not a series name (" + bad.get() + ")"));
                }
            }
            selectors.add(new Selector(p, isGlob(p) ? glob(SERIES_PATTERNS, p) : null));
        }
        List<PathMatcher> excludes = new ArrayList<>();
        for (String p : excludePatterns) {
            excludes.add(glob(EXCLUDE_PATTERNS, p));
        }
        return new Checked(served, base, selectors, excludes);
    }

    private static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    private static PathMatcher glob(JobParameter parameter, String pattern) throws MirrorException {
        if (pattern.isEmpty() || pattern.contains("/")) {
            throw MirrorException.usage(InvalidParameterException.of(parameter,
                    Names.quote(pattern) + " is not a series glob"));
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (PatternSyntaxException e) {
            throw MirrorException.usage(InvalidParameterException.of(parameter,
                    Names.quote(pattern) + " is not a valid glob (" + e.getDescription() + ")"));
        }
    }

    public static Builder builder(String upstream, Path mirrorDirectory) {
        return new Builder(upstream, mirrorDirectory);
    }

    /** Fills a request with the defaults: every series, all images, one job per CPU. */
    public static final class Builder {
        private final String upstream;
        private final Path mirrorDirectory;
        private List<String> seriesPatterns = List.of();
        private List<String> excludePatterns = List.of();
        private int keep;
        private String repositoryUrl;
        private boolean keepUrls;
        private int jobs = Runtime.getRuntime().availableProcessors();
        private boolean dryRun;
        private boolean waitForLock;
        private Path caCertificate;

        private Builder(String upstream, Path mirrorDirectory) {
            this.upstream = upstream;
            this.mirrorDirectory = mirrorDirectory;
        }

        public Builder seriesPatterns(List<String> v) {
            seriesPatterns = v;
            return this;
        }

        public Builder excludePatterns(List<String> v) {
            excludePatterns = v;
            return this;
        }

        public Builder keep(int v) {
            keep = v;
            return this;
        }

        public Builder repositoryUrl(String v) {
            repositoryUrl = v;
            return this;
        }

        public Builder keepUrls(boolean v) {
            keepUrls = v;
            return this;
        }

        public Builder jobs(int v) {
            jobs = v;
            return this;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public Builder waitForLock(boolean v) {
            waitForLock = v;
            return this;
        }

        public Builder caCertificate(Path v) {
            caCertificate = v;
            return this;
        }

        public SyncRequest build() {
            return new SyncRequest(upstream, mirrorDirectory, seriesPatterns, excludePatterns, keep, repositoryUrl,
                    keepUrls, jobs, dryRun, waitForLock, caCertificate);
        }
    }
}
