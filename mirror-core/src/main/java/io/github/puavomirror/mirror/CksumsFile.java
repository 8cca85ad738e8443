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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level {@code CKSUMS} file: one {@code "<crc decimal> <size> <basename>\n"} line per published image
 * and rdiff, like {@code cksum} output, for old laptop clients and bootservers.
 *
 * <p>Upstream order: series in config order; per image in list order, the image line and then one line per rdiff
 * into it, in diff order. Nothing is de-duplicated, so a file in two series appears twice.
 */
public final class CksumsFile {

    private static final Pattern LINE = Pattern.compile("(0|[1-9][0-9]{0,9}) (0|[1-9][0-9]{0,18}) (.+)");

    private CksumsFile() {
    }

    /** One line of CKSUMS. */
    public record Entry(long cksum, long size, String name) {

        /** @throws IllegalArgumentException for an out-of-range value or a name that is not a safe basename */
        public Entry {
            if (cksum < 0 || cksum > 0xffffffffL) {
                throw new IllegalArgumentException("cksum out of range: " + cksum);
            }
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
            Objects.requireNonNull(name, "name");
            Optional<String> problem = Names.fileNameProblem(name, 255);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("invalid file name " + Names.quote(name) + ": " + problem.get());
            }
        }

        /** The entry for the file {@code name} with {@code sums}. */
        public static Entry of(String name, Checksums sums) {
            return new Entry(sums.cksum(), sums.size(), name);
        }

        /** The line with its newline. */
        public String line() {
            return cksum + " " + size + " " + name + "\n";
        }
    }

    /** The basenames in CKSUMS order for the given plans (one per series, in config order). */
    public static List<String> fileOrder(List<RdiffPlan> plans) {
        List<String> names = new ArrayList<>();
        for (RdiffPlan plan : plans) {
            for (ImageName image : plan.series().images()) {
                names.add(image.fileName());
                plan.diffsFor(image).forEach(pair -> names.add(pair.rdiffName()));
            }
        }
        return names;
    }

    /** The entries in CKSUMS order, looking up each file's checksums by basename. */
    public static List<Entry> entries(List<RdiffPlan> plans, Function<String, Checksums> checksumsByName) {
        return fileOrder(plans).stream()
                .map(name -> Entry.of(name, Objects.requireNonNull(checksumsByName.apply(name),
                        () -> "no checksums for " + name)))
                .toList();
    }

    /** CKSUMS lines for a meta: each image, then its rdiffs, in meta order. */
    public static List<Entry> entriesOf(MetaJson.Series series) {
        List<Entry> out = new ArrayList<>();
        for (MetaJson.Image image : series.images()) {
            out.add(new Entry(Long.parseLong(image.cksum()), image.size(), image.filename()));
            for (MetaJson.Diff d : image.diffs()) {
                out.add(new Entry(Long.parseLong(d.cksum()), d.size(), d.filename()));
            }
        }
        return out;
    }

    /**
     * Lines for the metas in {@code metaDir} other than {@code ours} (file names), by file name:
     * the series another job publishes into the same mirror. An unreadable meta is left out and
     * {@code warnings} told why.
     */
    public static List<Entry> otherSeries(Path metaDir, Set<String> ours, Consumer<String> warnings)
            throws IOException {
        Map<String, Path> others = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(metaDir, "*.json")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (!ours.contains(name) && !name.startsWith(".") && Files.isRegularFile(p)) {
                    others.put(name, p);
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Path p : others.values()) {
            try {
                out.addAll(entriesOf(MetaJson.read(p)));
            } catch (MirrorFormatException | IllegalArgumentException e) {
                warnings.accept(p + ": left out of CKSUMS: " + e.getMessage());
            }
        }
        return out;
    }

    /** The file content. */
    public static String format(List<Entry> entries) {
        StringBuilder sb = new StringBuilder(entries.size() * 96);
        entries.forEach(entry -> sb.append(entry.line()));
        return sb.toString();
    }

    /** The file content as UTF-8 bytes. */
    public static byte[] toBytes(List<Entry> entries) {
        return format(entries).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a CKSUMS file; see {@link #parse(String, String)}. */
    public static List<Entry> read(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses CKSUMS content: every line {@code "<crc> <size> <name>"} with decimal numbers without leading zeros,
     * single spaces and a safe basename, each terminated by {@code \n}. {@code source} names the file in errors.
     *
     * @throws MirrorFormatException naming the first bad line
     */
    public static List<Entry> parse(String text, String source) throws MirrorFormatException {
        List<Entry> entries = new ArrayList<>();
        if (text.isEmpty()) {
            return entries;
        }
        if (!text.endsWith("\n")) {
            throw new MirrorFormatException(source + ": last line has no newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = source + ": line " + (i + 1);
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                throw new MirrorFormatException(where + ": expected \"<cksum> <size> <name>\", found "
                        + Names.quote(lines[i]));
            }
            try {
                entries.add(new Entry(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3)));
            } catch (IllegalArgumentException e) {
                throw new MirrorFormatException(where + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }
}
