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

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image that should hold puavo-conf definitions could not be read: truncated or corrupt
 * squashfs, unsupported compression, or definitions that are not valid JSON or clash. The
 * message is a single line, {@code "<image>: <problem>"}.
 */
public class ImageReadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path image;
    private final String problem;

    public ImageReadException(Path image, String problem, Throwable cause) {
        super(image + ": " + oneLine(problem), cause);
        this.image = image;
        this.problem = oneLine(problem);
    }

    /** The image file. */
    public Path image() {
        return image;
    }

    /** The problem alone, without the image name. */
    public String problem() {
        return problem;
    }

    /** Library messages (Jackson's especially) may span lines; log lines must not. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
