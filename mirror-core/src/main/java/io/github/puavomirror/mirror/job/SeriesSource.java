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

import io.github.puavomirror.mirror.ConfigException;
import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.SeriesConfig;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the series of a run come from: the request itself (Maven's pom, Ant's nested series),
 * puavo-os config files (a puavo-os directory without {@code writeConfig}), or discovery in the
 * image folder (written to puavo-os config files first with {@code writeConfig}).
 */
final class SeriesSource {
    static final String CONFIG_SUBDIR = "config/images";

    private SeriesSource() {
    }

    static List<ImageSeries> resolve(MirrorRequest request, Path imageDir, MirrorListener events) throws IOException {
        if (!request.series().isEmpty()) {
            return request.series();
        }
        Path puavoOs = request.puavoOsDirectory();
        if (puavoOs != null && !request.writeConfig()) {
            return readConfigs(puavoOs.toAbsolutePath().normalize().resolve(CONFIG_SUBDIR));
        }
        SeriesConfig.Discovery found = SeriesConfig.discover(imageNames(imageDir, events));
        found.rejected().forEach((name, why) ->
                events.on(new MirrorEvent.Warning(imageDir.resolve(name) + ": skipped: " + why)));
        if (puavoOs != null && !request.dryRun()) {
            Path dir = puavoOs.toAbsolutePath().normalize().resolve(CONFIG_SUBDIR);
            Files.createDirectories(dir);
            for (Map.Entry<String, SeriesConfig> e : found.byDist().entrySet()) {
                e.getValue().write(dir.resolve(e.getKey() + ".json"));
                events.on(new MirrorEvent.Info("wrote " + dir.resolve(e.getKey() + ".json")));
            }
        }
        List<ImageSeries> all = new ArrayList<>();
        found.byDist().values().forEach(c -> all.addAll(c.series()));
        return all;
    }

    /** Names of the image folder's regular files; {@code .img} entries that are not are skipped with a warning. */
    private static List<String> imageNames(Path imageDir, MirrorListener events) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(imageDir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p)) {
                    names.add(name);
                } else if (name.endsWith(".img")) {
                    events.on(new MirrorEvent.Warning(p + ": skipped: " + notAnImage(p)));
                }
            }
        }
        return names;
    }

    static String notAnImage(Path p) {
        if (Files.isDirectory(p)) {
            return "is a folder, not an image file";
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            return "is a dangling symbolic link";
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "no such file";
        }
        return "is not a regular file";
    }

    private static List<ImageSeries> readConfigs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw MirrorException.usage(new InvalidParameterException(JobParameter.PUAVO_OS_DIRECTORY,
                    n -> dir + ": no such folder (without " + n.of(JobParameter.WRITE_CONFIG)
                            + " the series come from config/images/*.json)"));
        }
        Map<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : entries) {
                files.put(p.getFileName().toString(), p);
            }
        }
        List<ImageSeries> all = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files.values()) {
            SeriesConfig config;
            try {
                config = SeriesConfig.read(file);
            } catch (ConfigException e) {
                throw new MirrorException(e.getMessage(), e);
            }
            for (ImageSeries s : config.series()) {
                Path earlier = seen.putIfAbsent(s.name(), file);
                if (earlier != null) {
                    throw new MirrorException(file + ": series " + s.name() + " is also defined in " + earlier);
                }
                all.add(s);
            }
        }
        return all;
    }
}
