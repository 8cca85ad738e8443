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

import io.github.puavomirror.rdiff.SignatureOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A mirror job in its own JVM, so that tests can SIGKILL it or limit its file size. Arguments
 * are {@code key=value}: {@code images} (the image folder; the mirror is its {@code mirror}),
 * {@code block} (rdiff block size), {@code engine} (default {@code java}), {@code tmpdir} (the
 * child's {@code java.io.tmpdir}), {@code step=true} and {@code heap} (the child's -Xmx, given to
 * {@link #start}; default 128m); {@link #start} also takes {@code umask}.
 *
 * <p>It prints one line per event ({@code E <event>}), then {@code OK <summary>} or
 * {@code ERR usage|job <message>}; its stderr goes to the same stream. With {@code step=true}
 * it waits after each event line until the parent sends a line, so the parent can kill it at
 * an exact point of the run.
 */
public final class ChildJob {
    private ChildJob() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(0, eq), a.substring(eq + 1));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean step = Boolean.parseBoolean(opt.getOrDefault("step", "false"));
        MirrorRequest.Builder b = MirrorRequest.builder(Path.of(opt.get("images")))
                .engine(opt.getOrDefault("engine", "java"))
                .jobs(1)
                .signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(
                        Integer.parseInt(opt.getOrDefault("block", "128"))));
        try {
            MirrorSummary s = MirrorJob.run(b.build(), e -> {
                synchronized (out) {
                    out.println("E " + e);
                    if (step) {
                        awaitGo(in);
                    }
                }
            });
            out.println("OK " + s);
            System.exit(0);
        } catch (MirrorException e) {
            out.println("ERR " + (e.isUsage() ? "usage " : "job ") + e.getMessage());
            System.exit(e.isUsage() ? 2 : 1);
        }
    }

    private static void awaitGo(BufferedReader in) {
        try {
            if (in.readLine() == null) {
                // The parent is gone; a job left paused forever would hold the mirror's lock.
                System.exit(3);
            }
        } catch (IOException e) {
            System.exit(3);
        }
    }

    /** A running child job and the lines it printed so far. */
    static final class Handle implements AutoCloseable {
        final Process process;
        private final BufferedReader stdout;
        private final OutputStream stdin;
        final List<String> lines = new ArrayList<>();
        private final boolean stepped;
        private boolean waiting;

        private Handle(Process process, boolean stepped) {
            this.process = process;
            this.stepped = stepped;
            this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.stdin = process.getOutputStream();
        }

        /** The next line, or null at end of output. */
        String next() throws IOException {
            String line = stdout.readLine();
            if (line != null) {
                lines.add(line);
                waiting = stepped && line.startsWith("E ");
            }
            return line;
        }

        /** Lets a stepped child go on past the line it just printed. */
        void go() throws IOException {
            waiting = false;
            stdin.write('\n');
            stdin.flush();
        }

        /** Reads to the end and waits for the exit status. */
        int finish() throws IOException, InterruptedException {
            if (waiting) {
                go();
            }
            while (next() != null) {
                if (waiting) {
                    go();
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child job did not end: " + lines);
            }
            return process.exitValue();
        }

        /** SIGTERM, as a service manager or Ctrl-C (SIGINT, handled the same) would end the run. */
        void terminate() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }

        /** SIGKILL, as a power cut or the OOM killer would end the run. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    /** Starts a child job; {@code fileSizeLimitKb} > 0 runs it under {@code ulimit -f}, option {@code umask} under that umask. */
    static Handle start(Map<String, String> options, long fileSizeLimitKb) throws IOException {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived, small JVM: C1 only, no perf-data file (which ulimit -f would also hit).
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx" + options.getOrDefault("heap", "128m"), "-Xss1m"));
        if (options.containsKey("tmpdir")) {
            java.add("-Djava.io.tmpdir=" + options.get("tmpdir"));
        }
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildJob.class.getName()));
        options.forEach((k, v) -> java.add(k + "=" + v));
        String limits = (fileSizeLimitKb > 0 ? "ulimit -f " + fileSizeLimitKb + "; " : "")
                + (options.containsKey("umask") ? "umask " + options.get("umask") + "; " : "");
        List<String> command;
        if (!limits.isEmpty()) {
            command = new ArrayList<>(List.of("bash", "-c", limits + "exec \"$@\"", "bash"));
            command.addAll(java);
        } else {
            command = java;
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("PUAVO_MIRROR_ENGINE");
        return new Handle(pb.start(), Boolean.parseBoolean(options.get("step")));
    }
}
