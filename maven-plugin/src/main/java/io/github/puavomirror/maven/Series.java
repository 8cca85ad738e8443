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
 * One {@code <series>} element of the {@code mirror} goal: the meta file it names, its images
 * in list order (the last {@code rdiffTargets} of them get rdiffs) and bookworm's extra rdiffs.
 *
 * <pre>{@code
 * <series>
 *   <name>puavo-os-amxa-bookworm-amd64</name>
 *   <images>
 *     <image>puavo-os-amxa-bookworm-2024-05-02-101500-amd64.img</image>
 *   </images>
 *   <extraRdiffs>
 *     <extraRdiff>
 *       <target>...img</target>
 *       <sources><source>...img</source></sources>
 *     </extraRdiff>
 *   </extraRdiffs>
 * </series>
 * }</pre>
 *
 * <p>Maven fills the fields by name, so they stay plain mutable fields with no accessors needed.
 */
public class Series {
    /** The series name: {@code meta/<name>.json}, e.g. {@code puavo-os-amxa-bookworm-amd64}. */
    private String name;

    /** Image file names in the image directory, in list order. */
    private List<String> images = new ArrayList<>();

    /** Additional rdiffs into listed images, from any image in the image directory. */
    private List<ExtraRdiff> extraRdiffs = new ArrayList<>();

    public Series() {
    }

    Series(String name, List<String> images, List<ExtraRdiff> extraRdiffs) {
        this.name = name;
        this.images = images;
        this.extraRdiffs = extraRdiffs;
    }

    public String getName() {
        return name;
    }

    public List<String> getImages() {
        return images;
    }

    public List<ExtraRdiff> getExtraRdiffs() {
        return extraRdiffs;
    }
}
