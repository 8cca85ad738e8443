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
package io.github.puavomirror.mirror.http;

import io.github.puavomirror.mirror.ExternalTools;
import io.github.puavomirror.rdiff.RdiffBinary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a laptop does to update from a mirror served by nginx, with the client's own tools: the
 * series' meta by wget and read with jq, an interrupted rdiff download continued with
 * {@code wget --continue}, {@code rdiff patch}, and the sha512 and size the meta gives.
 */
public final class LaptopFlow {
    private static final String DIFF = ".[].images[].diffs[] | select(.filename == $f) | .";
    private static final String IMAGE = ".[].images[] | select(.filename == $f) | .";
    /** How much of the rdiff an earlier, interrupted download left behind. */
    private static final int PARTIAL = 100;

    private final Path laptop;
    private final String meta;

    /** Requires the client's tools (failing under CI=true when one is missing). */
    public LaptopFlow(Path laptop, String series) throws IOException {
        ExternalTools.require("wget", "jq", "sha512sum");
        RdiffBinary.assumeAvailable();
        this.laptop = Files.createDirectories(laptop);
        this.meta = "meta/" + series + ".json";
    }

    /**
     * Turns {@code previous} into {@code target} (written into the laptop folder and returned) by
     * the rdiff {@code served} offers, and asserts every check the client makes.
     */
    public Path update(NginxServer served, Path servedRoot, Path previous, String rdiffName, String target)
            throws IOException, InterruptedException {
        Files.createDirectories(laptop.resolve("meta"));
        ExternalTools.run(laptop, "wget", "-q", "-O", meta, served.url() + meta);
        byte[] whole = Files.readAllBytes(servedRoot.resolve("rdiffs").resolve(rdiffName));
        Files.write(laptop.resolve(rdiffName), Arrays.copyOf(whole, PARTIAL));
        ExternalTools.run(laptop, "wget", "-q", "--continue", served.url() + "rdiffs/" + rdiffName);
        assertThat(served.requests()).contains("GET /rdiffs/" + rdiffName + " 206 \"bytes=" + PARTIAL + "-\"");
        assertThat(sha512sum(rdiffName)).isEqualTo(jq(DIFF + "sha512", rdiffName));
        RdiffBinary.runOk(null, "patch", previous.toAbsolutePath().toString(), laptop.resolve(rdiffName).toString(),
                laptop.resolve(target).toString());
        assertThat(sha512sum(target)).isEqualTo(imageField(target, "sha512"));
        assertThat(Files.size(laptop.resolve(target))).hasToString(imageField(target, "size"));
        return laptop.resolve(target);
    }

    /** One field of an image's entry in the meta last fetched, as jq prints it raw. */
    public String imageField(String image, String field) throws IOException, InterruptedException {
        return jq(IMAGE + field, image);
    }

    private String jq(String program, String filename) throws IOException, InterruptedException {
        return ExternalTools.run(laptop, "jq", "-r", "--arg", "f", filename, program, meta).trim();
    }

    private String sha512sum(String file) throws IOException, InterruptedException {
        return ExternalTools.run(laptop, "sha512sum", file).split("\\s+")[0];
    }
}
