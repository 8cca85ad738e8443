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
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content of one puavo-os {@code config/images/<dist>.json}: image series in file order.
 *
 * <p>Both upstream formats are read, and may even be mixed per series:
 * <ul>
 *   <li>buster: {@code {"<series>": ["<img>", ...]}}</li>
 *   <li>bullseye/bookworm: {@code {"<series>": {"images": [...], "extra_rdiffs": {"<target>": ["<source>", ...]}}}}</li>
 * </ul>
 * Reading is stricter than upstream, which ignores what it does not use: duplicate keys, unknown keys in a
 * series object, invalid image names and non-string entries are all errors, reported as a one-line
 * {@link ConfigException}. Writing always produces the bookworm format.
 */
public record SeriesConfig(List<ImageSeries> series) {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** @throws IllegalArgumentException if two series have the same name */
    public SeriesConfig {
        series = List.copyOf(series);
        Set<String> names = new HashSet<>();
        for (ImageSeries s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("series " + Names.quote(s.name()) + " is defined twice");
            }
        }
    }

    /** The series called {@code name}, if any. */
    public Optional<ImageSeries> series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Reads a config file.
     *
     * @throws ConfigException if the file is not a valid series config
     * @throws IOException if it cannot be read
     */
    public static SeriesConfig read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses config JSON; {@code source} names the file in error messages.
     *
     * @throws ConfigException if the content is not a valid series config
     */
    public static SeriesConfig parse(byte[] json, String source) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(source + ": invalid JSON" + where + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot parse: " + oneLine(e.getMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(source + ": file is empty");
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": expected a JSON object mapping series names to images, found "
                    + describe(root));
        }
        List<ImageSeries> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            result.add(parseSeries(source, entry.getKey(), entry.getValue()));
        }
        return new SeriesConfig(result);
    }

    private static ImageSeries parseSeries(String source, String name, JsonNode value) throws ConfigException {
        String where = source + ": series " + Names.quote(name);
        JsonNode imagesNode;
        JsonNode extrasNode = null;
        if (value.isArray()) {
            imagesNode = value;
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!field.getKey().equals("images") && !field.getKey().equals("extra_rdiffs")) {
                    throw new ConfigException(where + ": unknown key " + Names.quote(field.getKey())
                            + " (expected \"images\" and optionally \"extra_rdiffs\")");
                }
            }
            imagesNode = value.get("images");
            if (imagesNode == null) {
                throw new ConfigException(where + ": missing \"images\"");
            }
            if (!imagesNode.isArray()) {
                throw new ConfigException(where + ": \"images\" must be a list, found " + describe(imagesNode));
            }
            extrasNode = value.get("extra_rdiffs");
        } else {
            throw new ConfigException(where + ": expected a list of images or an object with \"images\", found "
                    + describe(value));
        }
        List<ImageName> images = imageList(where + ": images", imagesNode);
        Map<ImageName, List<ImageName>> extras = new LinkedHashMap<>();
        if (extrasNode != null) {
            if (!extrasNode.isObject()) {
                throw new ConfigException(where + ": \"extra_rdiffs\" must be an object, found " + describe(extrasNode));
            }
            for (Map.Entry<String, JsonNode> extra : extrasNode.properties()) {
                String extraWhere = where + ": extra_rdiffs of " + Names.quote(extra.getKey());
                ImageName target = imageName(extraWhere, extra.getKey());
                if (!extra.getValue().isArray()) {
                    throw new ConfigException(extraWhere + ": expected a list of source images, found "
                            + describe(extra.getValue()));
                }
                extras.put(target, imageList(extraWhere, extra.getValue()));
            }
        }
        try {
            return new ImageSeries(name, images, extras);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<ImageName> imageList(String where, JsonNode array) throws ConfigException {
        List<ImageName> images = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw new ConfigException(where + "[" + i + "]: expected an image file name, found " + describe(item));
            }
            images.add(imageName(where + "[" + i + "]", item.textValue()));
        }
        return images;
    }

    private static ImageName imageName(String where, String text) throws ConfigException {
        Optional<String> problem = ImageName.problem(text);
        if (problem.isPresent()) {
            throw new ConfigException(where + ": invalid image name " + Names.quote(text) + ": " + problem.get());
        }
        return ImageName.parse(text);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * This config in the bookworm format: 2-space indent, series and images in order, {@code extra_rdiffs} only
     * when non-empty, and a trailing newline.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        if (series.isEmpty()) {
            return "{}\n";
        }
        sb.append("{\n");
        for (int s = 0; s < series.size(); s++) {
            ImageSeries one = series.get(s);
            sb.append("  ");
            RubyJson.string(sb, one.name());
            sb.append(": {\n    \"images\": ");
            appendNames(sb, one.images(), "    ");
            if (!one.extraRdiffs().isEmpty()) {
                sb.append(",\n    \"extra_rdiffs\": {\n");
                int e = 0;
                for (Map.Entry<ImageName, List<ImageName>> extra : one.extraRdiffs().entrySet()) {
                    sb.append("      ");
                    RubyJson.string(sb, extra.getKey().fileName());
                    sb.append(": ");
                    appendNames(sb, extra.getValue(), "      ");
                    sb.append(++e < one.extraRdiffs().size() ? ",\n" : "\n");
                }
                sb.append("    }");
            }
            sb.append("\n  }").append(s + 1 < series.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static void appendNames(StringBuilder sb, List<ImageName> names, String indent) {
        if (names.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < names.size(); i++) {
            sb.append(indent).append("  ");
            RubyJson.string(sb, names.get(i).fileName());
            sb.append(i + 1 < names.size() ? ",\n" : "\n");
        }
        sb.append(indent).append(']');
    }

    /** Writes {@link #toJson()} to {@code file} atomically (temp file in the same directory, then rename). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The result of {@link #discover}: one config per distribution (sorted by dist), and the {@code .img} names
     * that were skipped, each with the reason.
     */
    public record Discovery(Map<String, SeriesConfig> byDist, Map<String, String> rejected) {
        public Discovery {
            byDist = Collections.unmodifiableMap(new TreeMap<>(byDist));
            rejected = Collections.unmodifiableMap(new TreeMap<>(rejected));
        }
    }

    /**
     * Groups image file names (e.g. an image directory listing, already filtered by whatever selects published
     * images) into series {@code <prefix>-<arch>}, one config per {@link ImageName#dist() dist}. Series are
     * sorted by name, images by stamp. Names not ending in {@code .img} are ignored silently; {@code .img} names
     * that are not valid image names are reported in {@link Discovery#rejected()}. Repeated names count once.
     */
    public static Discovery discover(Collection<String> fileNames) {
        Map<String, Map<String, TreeSet<ImageName>>> grouped = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        for (String fileName : fileNames) {
            if (!fileName.endsWith(".img")) {
                continue;
            }
            Optional<String> problem = ImageName.problem(fileName);
            if (problem.isPresent()) {
                rejected.put(fileName, problem.get());
                continue;
            }
            ImageName image = ImageName.parse(fileName);
            grouped.computeIfAbsent(image.dist(), d -> new TreeMap<>())
                    .computeIfAbsent(image.seriesName(), s -> new TreeSet<>())
                    .add(image);
        }
        Map<String, SeriesConfig> byDist = new TreeMap<>();
        grouped.forEach((dist, seriesByName) -> {
            List<ImageSeries> list = new ArrayList<>();
            seriesByName.forEach((name, images) -> list.add(new ImageSeries(name, List.copyOf(images))));
            byDist.put(dist, new SeriesConfig(list));
        });
        return new Discovery(byDist, rejected);
    }
}
