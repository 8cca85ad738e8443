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

import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A series a build file declares by name, the Maven plugin's and the Ant task's {@code <series>},
 * turned into an {@link ImageSeries} by one set of rules so both front ends accept and refuse the
 * same declarations. The front ends hand over the strings they were given (null for what is
 * missing); the names are stripped. Refused, with an {@link IllegalArgumentException} whose
 * message names the element at fault: a series without a name or without images, a name that is
 * not an image name, an extra rdiff without a target or without sources, a target the series does
 * not list (only listed images get rdiffs) or one given twice, and what {@link ImageSeries} refuses.
 */
public final class SeriesDeclaration {
    private SeriesDeclaration() {
    }

    /** One {@code <extraRdiff>}: rdiffs into {@code target} from each of {@code sources}. */
    public record ExtraRdiff(String target, List<String> sources) {
    }

    /**
     * @param position    the series' place among the declared ones, from 1, for a series without a name
     * @param images      its image file names in list order
     * @param extraRdiffs its extra rdiffs, bookworm's {@code extra_rdiffs}
     */
    public static ImageSeries parse(int position, String name, List<String> images, List<ExtraRdiff> extraRdiffs) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("<series> number " + position + " has no <name>: give each series"
                    + " the name of its meta file, e.g. puavo-os-amxa-bookworm-amd64");
        }
        String stripped = name.strip();
        String where = "<series> " + stripped;
        List<String> imageNames = images == null ? List.of() : images;
        if (imageNames.isEmpty()) {
            throw new IllegalArgumentException(where + " lists no images");
        }
        List<ImageName> list = new ArrayList<>();
        for (String image : imageNames) {
            list.add(image(where, image));
        }
        Map<ImageName, List<ImageName>> extras = new LinkedHashMap<>();
        for (ExtraRdiff extra : extraRdiffs == null ? List.<ExtraRdiff>of() : extraRdiffs) {
            if (extra == null || extra.target() == null || extra.target().isBlank()) {
                throw new IllegalArgumentException(where + ": an <extraRdiff> has no <target>");
            }
            ImageName target = image(where + " <extraRdiff>", extra.target());
            if (!list.contains(target)) {
                throw new IllegalArgumentException(where + ": <extraRdiff> target " + target
                        + " is not in the series' <images>; only listed images get rdiffs");
            }
            List<String> sourceNames = extra.sources() == null ? List.of() : extra.sources();
            if (sourceNames.isEmpty()) {
                throw new IllegalArgumentException(where + ": <extraRdiff> for " + target + " lists no <sources>");
            }
            List<ImageName> sources = new ArrayList<>();
            for (String source : sourceNames) {
                sources.add(image(where + " <extraRdiff> for " + target, source));
            }
            if (extras.put(target, sources) != null) {
                throw new IllegalArgumentException(where + ": two <extraRdiff> elements have target " + target
                        + "; list all its sources in one");
            }
        }
        try {
            return new ImageSeries(stripped, list, extras);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static ImageName image(String where, String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException(where + " has an empty image name");
        }
        try {
            return ImageName.parse(fileName.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
