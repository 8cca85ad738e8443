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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A second process for the lock tests, since an OS file lock is held per process:
 * <ul>
 *   <li>{@code hold IMAGES MIRROR}: runs a real job that stops at its first rdiff, prints
 *       {@value #HOLDING}, and goes on when its standard input closes; prints {@value #DONE} at the end;
 *   <li>{@code probe LOCKFILE}: tries to lock the file and exits {@value #LOCKED} if another
 *       process holds it, 0 if it got the lock.
 * </ul>
 */
public final class ChildJvm {
    static final String HOLDING = "HOLDING";
    static final String DONE = "DONE";
    static final int LOCKED = 3;

    private ChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("probe")) {
            try (FileChannel ch = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                System.exit(lock == null ? LOCKED : 0);
            }
        }
        AtomicBoolean first = new AtomicBoolean(true);
        MirrorJob.run(MirrorRequest.builder(Path.of(args[1])).mirrorDirectory(Path.of(args[2])).engine("java")
                .jobs(1).build(), e -> {
                    if (e instanceof MirrorEvent.StepStarted s && s.step() == MirrorEvent.Step.RDIFF
                            && first.getAndSet(false)) {
                        System.out.println(HOLDING);
                        System.out.flush();
                        try {
                            System.in.readAllBytes();
                        } catch (IOException ex) {
                            throw new IllegalStateException(ex);
                        }
                    }
                });
        System.out.println(DONE);
    }

    /** Starts this class in a new JVM with the test class path. */
    static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the child's output lines until {@code line}; fails if the output ends first. */
    static void await(Process p, BufferedReader out, String line) throws IOException {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
            if (l.equals(line)) {
                return;
            }
        }
        throw new AssertionError("child ended (status " + waitQuietly(p) + ") before printing " + line);
    }

    static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int waitQuietly(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
