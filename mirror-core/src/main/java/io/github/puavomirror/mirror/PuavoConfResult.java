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

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PuavoConfReader#read} found in an image.
 *
 * @param outcome whether definitions were read, or why the result is empty
 * @param conf the merged definitions; an empty object unless {@code outcome} is {@code READ}
 * @param warning a one-line warning naming the image, present exactly when {@code conf} is
 *     empty because of the outcome
 */
public record PuavoConfResult(Outcome outcome, ObjectNode conf, Optional<String> warning) {

    public enum Outcome {
        /** The definitions directory was read; {@code conf} may still be empty if it held no files. */
        READ,
        /** A squashfs image without {@code /usr/share/puavo-conf/definitions}. */
        NO_DEFINITIONS,
        /** Not a squashfs image at all (no magic, or empty file). */
        NOT_SQUASHFS
    }

    public PuavoConfResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(warning, "warning");
    }
}
