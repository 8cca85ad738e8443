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
package io.github.puavomirror.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A few small plain-file "images" of one series, each a slight change of the previous. */
final class TinySeries {
    static final String SERIES = "puavo-os-test-bookworm-amd64";

    private TinySeries() {
    }

    static String name(int i) {
        return String.format("puavo-os-test-bookworm-2024-01-%02d-120000-amd64.img", i + 10);
    }

    static List<Path> write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        byte[] content = new byte[48 << 10];
        random.nextBytes(content);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 256; j++) {
                content[random.nextInt(content.length)] = (byte) random.nextInt();
            }
            files.add(Files.write(dir.resolve(name(i)), content));
        }
        return files;
    }
}
