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

import java.util.Objects;

/**
 * One rdiff to build and publish: a delta that turns {@code source} into {@code target}.
 *
 * @param source the image the client already has (its signature is the delta's basis)
 * @param target the image the client wants
 */
public record RdiffPair(ImageName source, ImageName target) {

    /** @throws IllegalArgumentException if source and target are the same image */
    public RdiffPair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("an rdiff needs two different images: " + source);
        }
    }

    /** The file name under {@code rdiffs/}, see {@link ImageName#rdiffName(ImageName, ImageName)}. */
    public String rdiffName() {
        return ImageName.rdiffName(source, target);
    }

    /** The meta {@code version} of this rdiff: the source stamp's 14 digits (bootservers rely on this). */
    public String version() {
        return ImageName.rdiffVersion(source);
    }
}
