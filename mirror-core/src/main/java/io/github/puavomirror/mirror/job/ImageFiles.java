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
import io.github.puavomirror.mirror.RdiffPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the file of every image a run needs: listed images and rdiff sources from outside the lists. */
final class ImageFiles {
    private ImageFiles() {
    }

    static Map<ImageName, Path> locate(Path imageDir, List<RdiffPlan> plans) throws MirrorException {
        Map<ImageName, Path> files = new LinkedHashMap<>();
        for (RdiffPlan plan : plans) {
            for (ImageName image : plan.series().images()) {
                files.put(image, existing(imageDir, image, plan.series().name()));
            }
            for (ImageName image : plan.unlistedSources()) {
                files.put(image, existing(imageDir, image, plan.series().name()));
            }
        }
        return files;
    }

    private static Path existing(Path imageDir, ImageName image, String series) throws MirrorException {
        Path p = imageDir.resolve(image.fileName());
        if (!Files.isRegularFile(p)) {
            throw new MirrorException(p + ": image of series " + series + " "
                    + (Files.exists(p) || Files.isSymbolicLink(p) ? SeriesSource.notAnImage(p) : "not found"));
        }
        return p;
    }
}
