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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh image folder with the mirror at its default place, and a request for it, for each test. */
abstract class JobFolders {
    @TempDir
    Path tmp;
    Path images;
    Path mirror;

    @BeforeEach
    void folders() throws IOException {
        images = Files.createDirectories(tmp.resolve("images"));
        mirror = images.resolve("mirror");
    }

    MirrorRequest.Builder request() {
        return MirrorRequest.builder(images).engine("java").jobs(2);
    }
}
