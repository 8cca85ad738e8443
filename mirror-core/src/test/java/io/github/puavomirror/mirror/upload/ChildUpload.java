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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.job.MirrorException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An upload in its own JVM, so a test can SIGKILL it: arguments are MIRROR DESTINATION RSH
 * BWLIMIT [PAUSE] (an empty RSH or BWLIMIT is none). It prints one line per event
 * ({@code E <event>}), then {@code OK} or {@code ERR <message>}. With PAUSE, the first event whose
 * text starts with it prints {@code PAUSED} and holds that upload thread for good, so the kill lands
 * at a known step. The system property {@code puavo.test.s3Endpoint} sends to that S3-compatible
 * server (path style, smallest parts); credentials come from the SDK's chain.
 */
public final class ChildUpload {
    static final String S3_ENDPOINT = "puavo.test.s3Endpoint";

    private ChildUpload() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String pause = args.length > 4 ? args[4] : null;
        UploadRequest.Builder request = UploadRequest.builder(Path.of(args[0]), args[1])
                .rsh(args[2].isEmpty() ? null : args[2]).bwlimit(args[3].isEmpty() ? null : args[3]);
        String endpoint = System.getProperty(S3_ENDPOINT);
        if (endpoint != null) {
            request.s3(S3Settings.at(endpoint, null, true).withPartSize(S3Settings.MIN_PART_SIZE));
        }
        try {
            Upload.run(request.build(), e -> {
                boolean hold;
                synchronized (out) {
                    out.println("E " + e);
                    hold = pause != null && e.toString().startsWith(pause);
                    if (hold) {
                        out.println("PAUSED");
                    }
                }
                while (hold) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException ignored) {
                        // Held until killed.
                    }
                }
            });
            out.println("OK");
            System.exit(0);
        } catch (MirrorException e) {
            out.println("ERR " + e.getMessage());
            System.exit(1);
        }
    }

    static Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** With {@code jvmOptions} ({@code -Dname=value}) before the class name. */
    static Process start(List<String> jvmOptions, String... args) throws IOException {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx128m"));
        java.addAll(jvmOptions);
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildUpload.class.getName()));
        java.addAll(List.of(args));
        return new ProcessBuilder(java).redirectErrorStream(true).start();
    }

    /**
     * Runs an upload in a child JVM until it prints a line starting with {@code until} (such as
     * {@code PAUSED}), then SIGKILLs it; fails when it ends first.
     */
    static void killWhen(String until, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process child = start(jvmOptions, args);
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                seen.add(line);
                if (line.startsWith(until)) {
                    child.destroyForcibly();
                    child.waitFor(30, TimeUnit.SECONDS);
                    return;
                }
            }
        } finally {
            child.destroyForcibly();
        }
        throw new AssertionError("the upload ended before " + until + ": " + seen);
    }
}
