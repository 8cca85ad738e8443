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
package io.github.puavomirror.mirror.http;

import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.Parallel;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyReport.Problem;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Checks a served mirror the way laptops and boot servers see it: CKSUMS names the series; each
 * series' meta parses as clients parse it; every file a meta lists is there with its size (HEAD)
 * and answers range requests (laptops resume with {@code wget --continue}); metas and CKSUMS
 * agree. With {@code deep}, files are downloaded (not stored) and their size and SHA-256
 * compared; rdiffs are not applied, which would need the source images on this machine.
 */
public final class ServedVerify {
    private final ServedVerifyRequest request;
    private final MirrorListener events;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private ServedMirror served;
    private MirrorHttp http;

    /** A file a meta lists: where, and the size, cksum and SHA-256 the meta gives. */
    private record Listed(URI url, String source, long size, String cksum, String sha256) {
    }

    private ServedVerify(ServedVerifyRequest request, MirrorListener events) {
        this.request = request;
        this.events = events;
    }

    /** @throws MirrorException a usage error for a bad request; problems of the mirror are in the report */
    public static VerifyReport run(ServedVerifyRequest request, MirrorListener listener) throws MirrorException {
        return new ServedVerify(request, listener).execute();
    }

    private VerifyReport execute() throws MirrorException {
        served = ServedMirror.at(request.url(), JobParameter.URL);
        if (request.jobs() < 1) {
            throw MirrorException.usage("jobs: must be at least 1, got " + request.jobs());
        }
        if (request.sample() < 0) {
            throw MirrorException.usage("sample: must not be negative, got " + request.sample());
        }
        if (request.sample() > 0 && !request.deep()) {
            throw MirrorException.usage("sample: only with deep");
        }
        http = new MirrorHttp(MirrorHttp.Settings.of(request.caCertificate()), events);
        List<CksumsFile.Entry> cksums;
        try {
            cksums = ServedMirror.parseCksums(served.cksums(), http.get(served.cksums()));
        } catch (MirrorException e) {
            problems.add(Problem.at(served.cksums().toString(), withoutUrl(e, served.cksums())));
            return report(0, 0);
        }
        Map<URI, Listed> listed = new LinkedHashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (String series : ServedMirror.seriesIn(cksums)) {
            URI metaUrl = served.meta(series);
            MetaJson.Series meta;
            try {
                meta = ServedMirror.parseMeta(metaUrl, series, http.get(metaUrl));
            } catch (MirrorException e) {
                problems.add(Problem.at(metaUrl.toString(), withoutUrl(e, metaUrl)));
                unreadable.add(series);
                continue;
            }
            String source = "meta/" + MetaJson.fileName(series);
            for (MetaJson.Image image : meta.images()) {
                listed.putIfAbsent(served.image(image.filename()), new Listed(served.image(image.filename()), source,
                        image.size(), image.cksum(), image.sha256()));
                for (MetaJson.Diff d : image.diffs()) {
                    listed.putIfAbsent(served.rdiff(d.filename()), new Listed(served.rdiff(d.filename()), source,
                            d.size(), d.cksum(), d.sha256()));
                }
            }
        }
        agree(cksums, listed, unreadable);
        List<Listed> deep = new ArrayList<>(request.deep() ? listed.values() : List.of());
        if (request.sample() > 0 && request.sample() < deep.size()) {
            Collections.shuffle(deep);
            deep = deep.subList(0, request.sample());
        }
        Set<Listed> download = Set.copyOf(deep);
        List<Callable<Void>> work = new ArrayList<>();
        for (Listed file : listed.values()) {
            work.add(() -> {
                check(file, download.contains(file));
                return null;
            });
        }
        try {
            Parallel.run(work, request.jobs());
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new MirrorException(served.base() + ": " + e.getMessage(), e);
        }
        return report(listed.size(), http.bytesDownloaded());
    }

    private VerifyReport report(int files, long bytes) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> a.url().compareTo(b.url()));
        return new VerifyReport(sorted, List.of(), files, bytes, 0);
    }

    /**
     * CKSUMS lines against the metas: every listed file once with the meta's size and cksum,
     * nothing more (lines of a series whose meta is unreadable are that meta's problem).
     */
    private void agree(List<CksumsFile.Entry> cksums, Map<URI, Listed> listed, Set<String> unreadable) {
        Map<URI, CksumsFile.Entry> byUrl = new LinkedHashMap<>();
        for (CksumsFile.Entry e : cksums) {
            URI url = e.name().endsWith(".rdiff") ? served.rdiff(e.name()) : served.image(e.name());
            byUrl.putIfAbsent(url, e);
            if (!listed.containsKey(url) && !unreadable.contains(ServedMirror.seriesOf(e.name()))) {
                problems.add(Problem.at(url.toString(), "CKSUMS lists it, but no meta does"));
            }
        }
        for (Listed f : listed.values()) {
            CksumsFile.Entry e = byUrl.get(f.url());
            if (e == null) {
                problems.add(Problem.at(f.url().toString(), f.source() + " lists it, but CKSUMS does not"));
            } else if (e.size() != f.size() || !String.valueOf(e.cksum()).equals(f.cksum())) {
                problems.add(Problem.at(f.url().toString(), "CKSUMS says " + e.cksum() + " " + e.size() + ", but "
                        + f.source() + " says " + f.cksum() + " " + f.size()));
            }
        }
    }

    private void check(Listed file, boolean download) {
        String url = file.url().toString();
        long t0 = System.nanoTime();
        try {
            long size = http.head(file.url());
            if (size != file.size()) {
                problems.add(Problem.at(url, "size is " + size + ", but " + file.source() + " says " + file.size()));
                return;
            }
            if (!http.servesRanges(file.url())) {
                problems.add(Problem.at(url, "the server ignores range requests (laptops cannot resume downloads)"));
            }
            if (download) {
                Checksums got = http.checksums(file.url());
                if (got.size() != file.size()) {
                    problems.add(Problem.at(url, "downloaded " + got.size() + " bytes, but " + file.source() + " says "
                            + file.size()));
                } else if (!got.sha256().equals(file.sha256())) {
                    problems.add(Problem.at(url, "sha256 differs from " + file.source()));
                }
            }
        } catch (MirrorException e) {
            problems.add(Problem.at(url, withoutUrl(e, file.url())));
            return;
        }
        events.on(new MirrorEvent.StepFinished(Step.CHECKSUM, url, file.size(), System.nanoTime() - t0, false));
    }

    /** The client's messages start with the URL, which the problem line already gives. */
    private static String withoutUrl(MirrorException e, URI url) {
        String m = e.getMessage();
        String prefix = url + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
