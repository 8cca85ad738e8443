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
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed images built by src/test/scripts/make-squashfs-fixtures.sh. */
public final class Fixtures {
    /** The images built from the main tree (128 KiB blocks), one per compressor. */
    public static final List<String> MAIN_IMAGES = List.of("gzip.sqsh", "lzo.sqsh", "lz4.sqsh", "xz.sqsh", "zstd.sqsh");
    /** The images built from the small tree with 4 KiB blocks. */
    public static final List<String> SMALL_IMAGES = List.of("uncompressed-b4096.sqsh", "gzip-b4096.sqsh");

    private Fixtures() {}

    public static Path image(String name) {
        URL url = Fixtures.class.getResource("/squashfs/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource squashfs/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sha256 manifest of the tree an image was built from: path to hex digest. */
    public static Map<String, String> manifestFor(String imageName) {
        String manifest = SMALL_IMAGES.contains(imageName) ? "small-tree.sha256" : "main-tree.sha256";
        Map<String, String> digests = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(image(manifest), StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                digests.put(line.substring(gap + 2), line.substring(0, gap));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }
}
