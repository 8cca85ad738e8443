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
package io.github.puavomirror.mirror;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Puavo OS image file name, {@code <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img}, e.g.
 * {@code puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img}.
 *
 * <p>Parsing follows upstream's {@code /^(.*?)-(\d{4}-\d{2}-\d{2}-\d{6})-(.*?).img$/} (lazy prefix, so the first
 * stamp-shaped run wins) with one deliberate difference: the {@code .} before {@code img} must be a literal dot.
 * Upstream's unescaped dot would also accept {@code ...-amd64ximg}, which is not an image file and whose
 * {@code id} (basename minus {@code .img}) would be wrong.
 *
 * <p>On top of the pattern, names must be safe file names (see {@link #problem(String)}): no {@code /},
 * backslash, whitespace, control or formatting characters, no leading {@code .} or {@code -}, non-empty prefix,
 * distribution and arch, at most {@value #MAX_BYTES} UTF-8 bytes, and upstream's separate version regex must
 * yield the same 14 digits as the stamp (otherwise bootservers would mismatch image and rdiff versions).
 * Non-ASCII letters are allowed. The stamp is not checked to be a real date, as upstream does not either.
 *
 * <p>Instances are immutable; equality is by file name; natural order is by stamp, then file name.
 */
public final class ImageName implements Comparable<ImageName> {

    /**
     * Longest accepted name in UTF-8 bytes. Derived rdiff names are 21 bytes longer, and the job adds cache and
     * temp suffixes; 200 keeps all of them under the usual 255-byte NAME_MAX.
     */
    public static final int MAX_BYTES = 200;
    /** How much longer than its source's name an rdiff name is: {@code --<stamp>}, {@code .rdiff} for {@code .img}. */
    private static final int RDIFF_EXTRA_BYTES = 21;

    private static final Pattern IMAGE = Pattern.compile("\\A(.*?)-(\\d{4}-\\d{2}-\\d{2}-\\d{6})-(.*?)\\.img\\z");
    /** Upstream's rdiff names: {@code find_rdiff_file}'s format and the rdiff version regex. */
    private static final Pattern RDIFF = Pattern.compile("\\A(.+?)-(\\d{4}-\\d{2}-\\d{2}-\\d{6})--(\\d{4}-\\d{2}-\\d{2}-\\d{6})-(.+)\\.rdiff\\z");
    /** Upstream {@code get_image_version}; must agree with the stamp. */
    private static final Pattern UPSTREAM_VERSION = Pattern.compile("-(\\d+)-(\\d+)-(\\d+)-(\\d+).*\\.img\\z");

    private final String fileName;
    private final String prefix;
    private final String stamp;
    private final String arch;

    private ImageName(String fileName, String prefix, String stamp, String arch) {
        this.fileName = fileName;
        this.prefix = prefix;
        this.stamp = stamp;
        this.arch = arch;
    }

    /**
     * Parses an image file name (a bare basename).
     *
     * @throws IllegalArgumentException with a one-line message saying why the name is not acceptable
     */
    public static ImageName parse(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        Optional<String> problem = problem(fileName);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid image name " + Names.quote(fileName) + ": " + problem.get());
        }
        Matcher m = IMAGE.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("checked name no longer matches: " + fileName);
        }
        return new ImageName(fileName, m.group(1), m.group(2), m.group(3));
    }

    /** Parses a name, or returns empty if it is not an acceptable image name. */
    public static Optional<ImageName> tryParse(String fileName) {
        return fileName == null || problem(fileName).isPresent() ? Optional.empty() : Optional.of(parse(fileName));
    }

    /** Returns why {@code fileName} is not an acceptable image name (a short phrase), or empty if it is. */
    public static Optional<String> problem(String fileName) {
        Optional<String> unsafe = Names.fileNameProblem(fileName, MAX_BYTES);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        Matcher m = IMAGE.matcher(fileName);
        if (!m.matches()) {
            return Optional.of("does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img");
        }
        String prefix = m.group(1);
        if (prefix.isEmpty()) {
            return Optional.of("has an empty prefix");
        }
        if (prefix.endsWith("-")) {
            return Optional.of("has an empty distribution field (prefix ends with '-')");
        }
        if (m.group(3).isEmpty()) {
            return Optional.of("has an empty architecture");
        }
        String stampDigits = m.group(2).replace("-", "");
        Matcher v = UPSTREAM_VERSION.matcher(fileName);
        if (!v.find()) {
            throw new IllegalStateException("version regex must match a name with a stamp: " + fileName);
        }
        String upstreamVersion = v.group(1) + v.group(2) + v.group(3) + v.group(4);
        if (!upstreamVersion.equals(stampDigits)) {
            return Optional.of("has digit groups before the stamp, so upstream would give it version "
                    + upstreamVersion + " instead of " + stampDigits);
        }
        return Optional.empty();
    }

    /**
     * The rdiff file name for a delta from {@code source} to {@code target}:
     * {@code <src prefix>-<src stamp>--<dst stamp>-<src arch>.rdiff}, as upstream's {@code find_rdiff_file} and
     * the laptop client compute it. Prefix and arch come from the source.
     */
    public static String rdiffName(ImageName source, ImageName target) {
        return source.prefix + "-" + source.stamp + "--" + target.stamp + "-" + source.arch + ".rdiff";
    }

    /**
     * Whether {@code fileName} is an rdiff name as {@link #rdiffName} makes them: a safe file name
     * of the form {@code <prefix>-<stamp>--<stamp>-<arch>.rdiff}. Prune removes only such names.
     */
    public static boolean isRdiffName(String fileName) {
        return Names.fileNameProblem(fileName, MAX_BYTES + RDIFF_EXTRA_BYTES).isEmpty() && RDIFF.matcher(fileName).matches();
    }

    /** The meta {@code version} of an rdiff from {@code source}: the source stamp's 14 digits. */
    public static String rdiffVersion(ImageName source) {
        return source.version();
    }

    /** The full file name, e.g. {@code puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img}. */
    public String fileName() {
        return fileName;
    }

    /** Everything before the stamp, e.g. {@code puavo-os-amxa-bookworm}. */
    public String prefix() {
        return prefix;
    }

    /** The stamp as written, {@code YYYY-MM-DD-HHMMSS}. */
    public String stamp() {
        return stamp;
    }

    /** Everything between the stamp and {@code .img}, e.g. {@code amd64}. */
    public String arch() {
        return arch;
    }

    /** The name without {@code .img}; the meta {@code id}. */
    public String id() {
        return fileName.substring(0, fileName.length() - ".img".length());
    }

    /** {@code <prefix>-<arch>}, e.g. {@code puavo-os-amxa-bookworm-amd64}; the series this image is discovered into. */
    public String seriesName() {
        return prefix + "-" + arch;
    }

    /**
     * The last dash-separated field of the prefix, e.g. {@code bookworm}; names the {@code <dist>.json} config.
     * amxa took field 4 ({@code cut -d- -f4}), which is the same for the usual four-field prefixes.
     */
    public String dist() {
        return prefix.substring(prefix.lastIndexOf('-') + 1);
    }

    /** The stamp's 14 digits, e.g. {@code 20240516093000}; the meta {@code version}. */
    public String version() {
        return stamp.replace("-", "");
    }

    @Override
    public int compareTo(ImageName other) {
        int byStamp = stamp.compareTo(other.stamp);
        return byStamp != 0 ? byStamp : fileName.compareTo(other.fileName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageName other && fileName.equals(other.fileName);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode();
    }

    /** The file name. */
    @Override
    public String toString() {
        return fileName;
    }
}
