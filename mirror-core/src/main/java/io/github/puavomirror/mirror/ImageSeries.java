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

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One image series from a series config: its name (which names {@code meta/<name>.json}), its images in list
 * order (the order that decides which images are rdiff targets), and bookworm's {@code extra_rdiffs}
 * (target image → additional source images, in file order; sources may lie outside the list).
 *
 * <p>Collections are unmodifiable and keep their order. The constructor rejects, with
 * {@link IllegalArgumentException}: an unsafe series name, an image listed twice, two listed images with the same
 * stamp (their rdiff names and meta versions would collide), and an extra rdiff whose source is its target.
 */
public record ImageSeries(String name, List<ImageName> images, Map<ImageName, List<ImageName>> extraRdiffs) {

    /** Longest accepted series name in UTF-8 bytes; it becomes a file name with a {@code .json} suffix. */
    public static final int MAX_NAME_BYTES = 200;

    public ImageSeries {
        Objects.requireNonNull(name, "name");
        Names.fileNameProblem(name, MAX_NAME_BYTES).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid series name " + Names.quote(name) + ": " + problem);
        });
        images = List.copyOf(images);
        Set<ImageName> seen = new HashSet<>();
        Map<String, ImageName> byStamp = new HashMap<>();
        for (ImageName image : images) {
            if (!seen.add(image)) {
                throw new IllegalArgumentException("series " + Names.quote(name) + " lists image "
                        + Names.quote(image.fileName()) + " twice");
            }
            ImageName sameStamp = byStamp.putIfAbsent(image.stamp(), image);
            if (sameStamp != null) {
                throw new IllegalArgumentException("series " + Names.quote(name) + " lists two images with stamp "
                        + image.stamp() + ": " + Names.quote(sameStamp.fileName()) + " and "
                        + Names.quote(image.fileName()));
            }
        }
        Map<ImageName, List<ImageName>> extras = new LinkedHashMap<>();
        extraRdiffs.forEach((target, sources) -> {
            Objects.requireNonNull(target, "extra rdiff target");
            List<ImageName> copy = List.copyOf(sources);
            if (copy.contains(target)) {
                throw new IllegalArgumentException("series " + Names.quote(name) + ": extra_rdiffs of "
                        + Names.quote(target.fileName()) + " lists the image itself as a source");
            }
            extras.put(target, copy);
        });
        extraRdiffs = Collections.unmodifiableMap(extras);
    }

    /** A series without extra rdiffs. */
    public ImageSeries(String name, List<ImageName> images) {
        this(name, images, Map.of());
    }

    /** Extra rdiff sources configured for {@code target}, or an empty list. */
    public List<ImageName> extraSourcesFor(ImageName target) {
        return extraRdiffs.getOrDefault(target, List.of());
    }

    /**
     * Retention ({@code --keep N}): the series with only its {@code keep} newest images by stamp, in their
     * original list order. Extra rdiffs whose target is dropped are dropped too, since upstream ignores targets
     * that are not listed; their sources are kept because they may lie outside the list anyway.
     *
     * @throws IllegalArgumentException if {@code keep} is negative
     */
    public ImageSeries keepNewest(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        if (keep >= images.size()) {
            return this;
        }
        List<ImageName> byAge = new ArrayList<>(images);
        byAge.sort(Comparator.reverseOrder());
        Set<ImageName> kept = new HashSet<>(byAge.subList(0, keep));
        List<ImageName> remaining = images.stream().filter(kept::contains).toList();
        Map<ImageName, List<ImageName>> extras = new LinkedHashMap<>();
        extraRdiffs.forEach((target, sources) -> {
            if (kept.contains(target)) {
                extras.put(target, sources);
            }
        });
        return new ImageSeries(name, remaining, extras);
    }
}
