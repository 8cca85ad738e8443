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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the build runs once, with {@code -XX:DumpLoadedClassList}, to list the classes
 * that go into the start-up archive {@code bin/puavo-mirror} maps ({@code cli/target/puavo-mirror.jsa}):
 * the demo (the mirror job on a small series, both engines), then a one-step diff and the rdiff
 * steps with the Java engine, in one JVM.
 *
 * <p>Why an archive: a short command spent most of its 0.15 s start-up loading, verifying and
 * linking some 1,200 classes, picocli's and the JDK's; mapped from an archive they cost almost
 * nothing. The JVM checks the archive against the jar and ignores it when either changed.
 *
 * <p>Usage: {@code StartupTraining WORK_DIR JAVA_HOME_FILE}; the second file gets this JVM's
 * {@code java.home}, so that the launcher only offers the archive to the JDK that made it.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StartupTraining WORK_DIR JAVA_HOME_FILE");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        Path demo = work.resolve("demo");
        run("demo", demo.toString());
        List<Path> images;
        try (Stream<Path> files = Files.list(demo)) {
            images = files.filter(p -> p.getFileName().toString().endsWith(".img")).sorted().toList();
        }
        String basis = images.get(0).toString();
        String target = images.get(1).toString();
        String out = work.toString() + "/";
        run("diff", "--engine=java", "-b", "128", "-f", basis, target, out + "diff.rdiff");
        run("rdiff", "--engine=java", "-f", "signature", "-b", "128", basis, out + "basis.sig");
        run("rdiff", "--engine=java", "-f", "delta", out + "basis.sig", target, out + "delta.rdiff");
        run("rdiff", "--engine=java", "-f", "patch", basis, out + "delta.rdiff", out + "patched.img");
        run("verify", demo.resolve("mirror").toString());
        Files.writeString(Path.of(args[1]), System.getProperty("java.home") + "\n");
    }

    /** Runs one command line in this JVM, quietly; a failure ends the training with its messages. */
    private static void run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIo io = new CliIo(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> -1);
        int code = Main.run(args, io);
        if (code != 0) {
            System.err.print(err.toString(StandardCharsets.UTF_8));
            System.err.println("StartupTraining: puavo-mirror " + String.join(" ", args) + " exited with " + code);
            System.exit(1);
        }
    }
}
