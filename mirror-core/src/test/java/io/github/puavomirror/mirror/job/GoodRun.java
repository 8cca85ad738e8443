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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A mirror published by a run that went well, for tests that then try to spoil it. */
final class GoodRun {
    static final int IMAGES = 4;
    static final int SIZE = 100_000;
    static final String SERIES = SampleSeries.PREFIX + "-amd64";

    final Path images;
    final Path mirror;
    final List<MirrorEvent> events = new ArrayList<>();

    private GoodRun(Path root) {
        this.images = root.resolve("images");
        this.mirror = images.resolve("mirror");
    }

    /** Images of days 1..4 in {@code root/images}, published to {@code root/images/mirror}. */
    static GoodRun publish(Path root) throws IOException {
        GoodRun r = new GoodRun(root);
        Files.createDirectories(r.images);
        SampleSeries.write(r.images, IMAGES, SIZE, 11);
        MirrorJob.run(r.request().build(), MirrorListener.NONE);
        assertThat(PublishedCheck.entries(r.mirror)).isEmpty();
        return r;
    }

    MirrorRequest.Builder request() {
        return MirrorRequest.builder(images).engine("java").jobs(2);
    }

    /** Runs the job, collecting its events, and returns what it threw (null if it went well). */
    MirrorException runExpectingFailure(MirrorRequest request) {
        events.clear();
        try {
            MirrorJob.run(request, e -> {
                synchronized (events) {
                    events.add(e);
                }
            });
            return null;
        } catch (MirrorException e) {
            return e;
        }
    }

    List<String> warnings() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof MirrorEvent.Warning)
                    .map(e -> ((MirrorEvent.Warning) e).message()).toList();
        }
    }

    VerifyReport verify(boolean deep) throws MirrorException {
        return MirrorVerify.run(new VerifyRequest(mirror, deep, "java", 2), MirrorListener.NONE);
    }

    /** Writes {@code config/images/<file>} of a puavo-os folder and returns the folder. */
    Path config(String file, String json) throws IOException {
        Path puavoOs = images.getParent().resolve("puavo-os");
        Path dir = Files.createDirectories(puavoOs.resolve("config/images"));
        Files.writeString(dir.resolve(file), json);
        return puavoOs;
    }

    /** The config listing days 1..4 plus {@code extra} names, in the bookworm format. */
    static String seriesJson(String... extra) {
        StringBuilder sb = new StringBuilder("{\"" + SERIES + "\": {\"images\": [");
        for (int day = 1; day <= IMAGES; day++) {
            sb.append(day > 1 ? ", " : "").append('"').append(SampleSeries.name(day)).append('"');
        }
        for (String e : extra) {
            sb.append(", \"").append(e).append('"');
        }
        return sb.append("]}}").toString();
    }

    /** Runs a command and fails unless it exits with 0. */
    static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            fail(String.join(" ", command) + " failed: " + out);
        }
    }
}
