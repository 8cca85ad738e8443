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
package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.job.SeriesDeclaration;
import org.apache.maven.plugin.MojoFailureException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the pom's {@code <series>} elements into the core's series by the rules the Ant task
 * shares ({@link SeriesDeclaration}), naming the element at fault.
 */
final class SeriesConverter {
    private SeriesConverter() {
    }

    static List<ImageSeries> convert(List<Series> configured) throws MojoFailureException {
        List<ImageSeries> out = new ArrayList<>();
        if (configured == null) {
            return out;
        }
        for (int i = 0; i < configured.size(); i++) {
            Series s = configured.get(i);
            try {
                out.add(s == null ? SeriesDeclaration.parse(i + 1, null, null, null)
                        : SeriesDeclaration.parse(i + 1, s.getName(), s.getImages(), extraRdiffs(s)));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<SeriesDeclaration.ExtraRdiff> extraRdiffs(Series s) {
        List<SeriesDeclaration.ExtraRdiff> out = new ArrayList<>();
        if (s.getExtraRdiffs() != null) {
            for (ExtraRdiff e : s.getExtraRdiffs()) {
                out.add(e == null ? null : new SeriesDeclaration.ExtraRdiff(e.getTarget(), e.getSources()));
            }
        }
        return out;
    }
}
