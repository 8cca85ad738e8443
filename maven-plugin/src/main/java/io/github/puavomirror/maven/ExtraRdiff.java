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

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <extraRdiff>} of a series: bookworm's {@code extra_rdiffs} entry. The target is a
 * listed image; the sources may be any images in the image directory, also unlisted ones.
 */
public class ExtraRdiff {
    /** The image file name the rdiffs lead to. */
    private String target;

    /** Image file names the rdiffs start from. */
    private List<String> sources = new ArrayList<>();

    public ExtraRdiff() {
    }

    ExtraRdiff(String target, List<String> sources) {
        this.target = target;
        this.sources = sources;
    }

    public String getTarget() {
        return target;
    }

    public List<String> getSources() {
        return sources;
    }
}
