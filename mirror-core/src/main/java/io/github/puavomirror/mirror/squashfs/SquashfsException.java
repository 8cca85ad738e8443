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
package io.github.puavomirror.mirror.squashfs;

import java.io.IOException;
import java.nio.file.Path;

/** A squashfs image that cannot be read: truncated, corrupt, or using an unsupported feature. */
public class SquashfsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path image;
    private final String problem;

    public SquashfsException(Path image, String problem) {
        this(image, problem, null);
    }

    public SquashfsException(Path image, String problem, Throwable cause) {
        super(image + ": " + problem, cause);
        this.image = image;
        this.problem = problem;
    }

    /** The image file the problem was found in. */
    public Path image() {
        return image;
    }

    /** The problem alone, without the image name. */
    public String problem() {
        return problem;
    }
}
