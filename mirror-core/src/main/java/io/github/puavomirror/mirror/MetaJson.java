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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The series meta file {@code meta/<series>.json} that clients download, written byte-for-byte as upstream's
 * Ruby {@code to_json} would: compact, no trailing newline, keys in upstream insertion order
 * ({@code {"<series>":{"images":[IMAGE,...]}}}; IMAGE: diffs, filename, id, puavo-conf, size, urls, version,
 * cksum, sha256, sha512; DIFF: filename, urls, version, size, cksum, sha256, sha512), and Ruby's escaping
 * (see {@link RubyJson}).
 */
public final class MetaJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MetaJson() {
    }

    /** One entry of an image's {@code diffs}. */
    public record Diff(String filename, List<String> urls, String version, long size, String cksum, String sha256,
                       String sha512) {

        public Diff {
            Objects.requireNonNull(filename, "filename");
            urls = List.copyOf(urls);
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(cksum, "cksum");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(sha512, "sha512");
        }

        /** The entry for a planned rdiff whose published file has {@code sums}. */
        public static Diff of(RdiffPair pair, RepositoryUrl base, Checksums sums) {
            String name = pair.rdiffName();
            return new Diff(name, List.of(base.rdiffUrl(name)), pair.version(), sums.size(), sums.cksumString(),
                    sums.sha256(), sums.sha512());
        }
    }

    /**
     * One image entry. {@code puavoConf} must be a JSON object (the merged puavo-conf definitions); it is
     * copied, and the accessor returns that copy, which callers should not modify.
     */
    public record Image(List<Diff> diffs, String filename, String id, JsonNode puavoConf, long size,
                        List<String> urls, String version, String cksum, String sha256, String sha512) {

        public Image {
            diffs = List.copyOf(diffs);
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(puavoConf, "puavoConf");
            if (!puavoConf.isObject()) {
                throw new IllegalArgumentException("puavo-conf must be a JSON object, not " + puavoConf.getNodeType());
            }
            puavoConf = puavoConf.deepCopy();
            urls = List.copyOf(urls);
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(cksum, "cksum");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(sha512, "sha512");
        }

        /** The entry for a listed image whose file has {@code sums}, with its rdiff entries. */
        public static Image of(ImageName image, JsonNode puavoConf, Checksums sums, RepositoryUrl base,
                               List<Diff> diffs) {
            return new Image(diffs, image.fileName(), image.id(), puavoConf, sums.size(),
                    List.of(base.imageUrl(image.fileName())), image.version(), sums.cksumString(), sums.sha256(),
                    sums.sha512());
        }
    }

    /** A whole meta file: the series name and its images in list order. */
    public record Series(String name, List<Image> images) {
        public Series {
            Objects.requireNonNull(name, "name");
            images = List.copyOf(images);
        }
    }

    /** The file name of a series' meta, {@code <series>.json} (under {@code meta/}). */
    public static String fileName(String seriesName) {
        return seriesName + ".json";
    }

    /**
     * Builds the meta for a plan: every listed image in list order, each with its planned diffs.
     *
     * @param puavoConf       the puavo-conf object of each listed image
     * @param checksumsByName checksums of a published file by its basename (an image or an rdiff name)
     */
    public static Series build(RdiffPlan plan, RepositoryUrl base, Function<ImageName, JsonNode> puavoConf,
                               Function<String, Checksums> checksumsByName) {
        List<Image> images = new ArrayList<>();
        for (ImageName image : plan.series().images()) {
            List<Diff> diffs = plan.diffsFor(image).stream()
                    .map(pair -> Diff.of(pair, base, required(checksumsByName, pair.rdiffName())))
                    .toList();
            JsonNode conf = Objects.requireNonNull(puavoConf.apply(image), () -> "no puavo-conf for " + image);
            images.add(Image.of(image, conf, required(checksumsByName, image.fileName()), base, diffs));
        }
        return new Series(plan.series().name(), images);
    }

    private static Checksums required(Function<String, Checksums> checksumsByName, String name) {
        return Objects.requireNonNull(checksumsByName.apply(name), () -> "no checksums for " + name);
    }

    /** The meta file content as a string (no trailing newline). */
    public static String toJson(Series series) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append('{');
        RubyJson.string(sb, series.name());
        sb.append(":{\"images\":[");
        for (int i = 0; i < series.images().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendImage(sb, series.images().get(i));
        }
        return sb.append("]}}").toString();
    }

    /** The meta file content as UTF-8 bytes, ready to be written. */
    public static byte[] toBytes(Series series) {
        return toJson(series).getBytes(StandardCharsets.UTF_8);
    }

    private static void appendImage(StringBuilder sb, Image image) {
        sb.append("{\"diffs\":[");
        for (int i = 0; i < image.diffs().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendDiff(sb, image.diffs().get(i));
        }
        sb.append("],\"filename\":");
        RubyJson.string(sb, image.filename());
        sb.append(",\"id\":");
        RubyJson.string(sb, image.id());
        sb.append(",\"puavo-conf\":");
        RubyJson.value(sb, image.puavoConf());
        sb.append(",\"size\":").append(image.size());
        sb.append(",\"urls\":");
        appendStrings(sb, image.urls());
        sb.append(",\"version\":");
        RubyJson.string(sb, image.version());
        appendSums(sb, image.cksum(), image.sha256(), image.sha512());
        sb.append('}');
    }

    private static void appendDiff(StringBuilder sb, Diff diff) {
        sb.append("{\"filename\":");
        RubyJson.string(sb, diff.filename());
        sb.append(",\"urls\":");
        appendStrings(sb, diff.urls());
        sb.append(",\"version\":");
        RubyJson.string(sb, diff.version());
        sb.append(",\"size\":").append(diff.size());
        appendSums(sb, diff.cksum(), diff.sha256(), diff.sha512());
        sb.append('}');
    }

    private static void appendSums(StringBuilder sb, String cksum, String sha256, String sha512) {
        sb.append(",\"cksum\":");
        RubyJson.string(sb, cksum);
        sb.append(",\"sha256\":");
        RubyJson.string(sb, sha256);
        sb.append(",\"sha512\":");
        RubyJson.string(sb, sha512);
    }

    private static void appendStrings(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            RubyJson.string(sb, values.get(i));
        }
        sb.append(']');
    }

    /**
     * The most a meta file may hold: later runs, verify and prune read it whole. Its images'
     * puavo-conf make most of it.
     */
    public static final int MAX_BYTES = 64 << 20;

    /** Reads a meta file of at most {@link #MAX_BYTES}; see {@link #parse(byte[], String)}. */
    public static Series read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new MirrorFormatException(file + ": " + size + " bytes, more than the " + (MAX_BYTES >> 20)
                    + " MiB a meta may have");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** The bytes a puavo-conf value takes in a meta. */
    public static long puavoConfLength(JsonNode puavoConf) {
        StringBuilder sb = new StringBuilder();
        RubyJson.value(sb, puavoConf);
        return sb.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Parses a meta file as this class writes it: exactly one series; every image and diff field present with
     * the right JSON type ({@code size} a non-negative integer, {@code urls} a non-empty list of strings,
     * {@code puavo-conf} an object). Key order and whitespace are not checked, and extra keys are ignored, as
     * clients do. {@code source} names the file in error messages.
     *
     * @throws MirrorFormatException with a one-line message if the content does not have that shape
     */
    public static Series parse(byte[] json, String source) throws MirrorFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MirrorFormatException(source + ": invalid JSON: "
                    + String.valueOf(e.getOriginalMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " "), e);
        } catch (IOException e) {
            throw new MirrorFormatException(source + ": cannot parse: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1) {
            throw new MirrorFormatException(source + ": expected an object with exactly one series");
        }
        Map.Entry<String, JsonNode> only = root.properties().iterator().next();
        String where = source + ": series " + Names.quote(only.getKey());
        JsonNode imagesNode = only.getValue().isObject() ? only.getValue().get("images") : null;
        if (imagesNode == null || !imagesNode.isArray()) {
            throw new MirrorFormatException(where + ": expected {\"images\": [...]}");
        }
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < imagesNode.size(); i++) {
            images.add(parseImage(where + ": images[" + i + "]", imagesNode.get(i)));
        }
        return new Series(only.getKey(), images);
    }

    private static Image parseImage(String where, JsonNode node) throws MirrorFormatException {
        requireObject(where, node);
        JsonNode diffsNode = field(where, node, "diffs");
        if (!diffsNode.isArray()) {
            throw new MirrorFormatException(where + ": \"diffs\" must be a list");
        }
        List<Diff> diffs = new ArrayList<>();
        for (int i = 0; i < diffsNode.size(); i++) {
            diffs.add(parseDiff(where + ": diffs[" + i + "]", diffsNode.get(i)));
        }
        JsonNode conf = field(where, node, "puavo-conf");
        if (!conf.isObject()) {
            throw new MirrorFormatException(where + ": \"puavo-conf\" must be an object");
        }
        return new Image(diffs, text(where, node, "filename"), text(where, node, "id"), conf,
                size(where, node), urls(where, node), text(where, node, "version"), text(where, node, "cksum"),
                text(where, node, "sha256"), text(where, node, "sha512"));
    }

    private static Diff parseDiff(String where, JsonNode node) throws MirrorFormatException {
        requireObject(where, node);
        return new Diff(text(where, node, "filename"), urls(where, node), text(where, node, "version"),
                size(where, node), text(where, node, "cksum"), text(where, node, "sha256"),
                text(where, node, "sha512"));
    }

    private static void requireObject(String where, JsonNode node) throws MirrorFormatException {
        if (!node.isObject()) {
            throw new MirrorFormatException(where + ": expected an object");
        }
    }

    private static JsonNode field(String where, JsonNode node, String name) throws MirrorFormatException {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new MirrorFormatException(where + ": missing \"" + name + "\"");
        }
        return value;
    }

    private static String text(String where, JsonNode node, String name) throws MirrorFormatException {
        JsonNode value = field(where, node, name);
        if (!value.isTextual()) {
            throw new MirrorFormatException(where + ": \"" + name + "\" must be a string");
        }
        return value.textValue();
    }

    private static long size(String where, JsonNode node) throws MirrorFormatException {
        JsonNode value = field(where, node, "size");
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new MirrorFormatException(where + ": \"size\" must be a non-negative integer");
        }
        return value.longValue();
    }

    private static List<String> urls(String where, JsonNode node) throws MirrorFormatException {
        JsonNode value = field(where, node, "urls");
        if (!value.isArray() || value.isEmpty()) {
            throw new MirrorFormatException(where + ": \"urls\" must be a non-empty list");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode url : value) {
            if (!url.isTextual()) {
                throw new MirrorFormatException(where + ": \"urls\" must contain only strings");
            }
            urls.add(url.textValue());
        }
        return urls;
    }
}
