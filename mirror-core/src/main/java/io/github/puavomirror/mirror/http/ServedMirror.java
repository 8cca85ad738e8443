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

import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.MirrorFormatException;
import io.github.puavomirror.mirror.Names;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mirror served over HTTP(S): where its files are, and how its CKSUMS and metas read. Clients
 * find everything from the host root (or the given path): {@code CKSUMS},
 * {@code meta/<series>.json}, images at the top, rdiffs under {@code rdiffs/}.
 */
public final class ServedMirror {
    /** {@code <src prefix>-<src stamp>--<dst stamp>-<src arch>.rdiff}, as upstream names rdiffs. */
    private static final Pattern RDIFF =
            Pattern.compile("(.*?)-(\\d{4}-\\d{2}-\\d{2}-\\d{6})--\\d{4}-\\d{2}-\\d{2}-\\d{6}-(.*)\\.rdiff");

    private final URI base;

    private ServedMirror(URI base) {
        this.base = base;
    }

    /** Whether {@code value} is a URL rather than a folder: it starts with {@code http://} or {@code https://}. */
    public static boolean isUrl(String value) {
        return value.regionMatches(true, 0, "https://", 0, 8) || value.regionMatches(true, 0, "http://", 0, 7);
    }

    /**
     * @param parameter the request parameter that gave the URL, for the usage error
     * @throws MirrorException a usage error when the URL is not an http(s) URL of a host
     */
    public static ServedMirror at(String url, JobParameter parameter) throws MirrorException {
        if (url == null || !isUrl(url)) {
            throw MirrorException.usage(InvalidParameterException.of(parameter, url == null ? "missing"
                    : Names.quote(url) + " is not an http:// or https:// URL"));
        }
        try {
            return new ServedMirror(URI.create(RepositoryUrl.parse(url).base() + "/"));
        } catch (IllegalArgumentException e) {
            throw MirrorException.usage(InvalidParameterException.of(parameter, e.getMessage()));
        }
    }

    /** The base URL, ending with {@code /}. */
    public URI base() {
        return base;
    }

    public URI cksums() {
        return file("CKSUMS");
    }

    public URI meta(String series) {
        return file("meta/" + MetaJson.fileName(series));
    }

    public URI image(String fileName) {
        return file(fileName);
    }

    public URI rdiff(String fileName) {
        return file("rdiffs/" + fileName);
    }

    private URI file(String path) {
        try {
            return base.resolve(new URI(null, null, path, null).getRawPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** CKSUMS as served, parsed; a bad line names the URL. */
    public static List<CksumsFile.Entry> parseCksums(URI url, byte[] body) throws MirrorException {
        try {
            return CksumsFile.parse(new String(body, StandardCharsets.UTF_8), url.toString());
        } catch (MirrorFormatException e) {
            throw new MirrorException(e.getMessage(), e);
        }
    }

    /** The series CKSUMS lists images of: {@code <prefix>-<arch>} of each image name, sorted. */
    public static Set<String> seriesIn(List<CksumsFile.Entry> entries) {
        Set<String> series = new TreeSet<>();
        for (CksumsFile.Entry e : entries) {
            ImageName.tryParse(e.name()).ifPresent(n -> series.add(n.seriesName()));
        }
        return series;
    }

    /** The series of an image or rdiff name ({@code <prefix>-<arch>} of the image, or of the rdiff's source), or null. */
    static String seriesOf(String fileName) {
        Matcher m = RDIFF.matcher(fileName);
        String image = m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) + ".img" : fileName;
        return ImageName.tryParse(image).map(ImageName::seriesName).orElse(null);
    }

    /**
     * Parses a served meta as Puavo clients read it, plus what a mirror needs to store its files:
     * the series it names is the one asked for, every {@code urls} has one element, and every
     * file name is a safe basename (an image name for images).
     */
    public static MetaJson.Series parseMeta(URI url, String series, byte[] body) throws MirrorException {
        MetaJson.Series meta;
        try {
            meta = MetaJson.parse(body, url.toString());
        } catch (MirrorFormatException e) {
            throw new MirrorException(e.getMessage(), e);
        }
        Optional<String> problem = problem(meta, series);
        if (problem.isPresent()) {
            throw new MirrorException(url + ": " + problem.get());
        }
        return meta;
    }

    private static Optional<String> problem(MetaJson.Series meta, String series) {
        if (!meta.name().equals(series)) {
            return Optional.of("describes series " + Names.quote(meta.name()) + ", not " + series);
        }
        for (MetaJson.Image image : meta.images()) {
            Optional<String> bad = ImageName.problem(image.filename());
            if (bad.isPresent()) {
                return Optional.of("image " + Names.quote(image.filename()) + " " + bad.get());
            }
            if (image.urls().size() != 1) {
                return Optional.of(image.filename() + ": \"urls\" has " + image.urls().size()
                        + " elements; clients take exactly one");
            }
            for (MetaJson.Diff d : image.diffs()) {
                Optional<String> badDiff = Names.fileNameProblem(d.filename(), 255);
                if (badDiff.isPresent() || !d.filename().endsWith(".rdiff")) {
                    return Optional.of("rdiff " + Names.quote(d.filename()) + " "
                            + badDiff.orElse("does not end with .rdiff"));
                }
                if (d.urls().size() != 1) {
                    return Optional.of(d.filename() + ": \"urls\" has " + d.urls().size()
                            + " elements; clients take exactly one");
                }
            }
        }
        return Optional.empty();
    }
}
