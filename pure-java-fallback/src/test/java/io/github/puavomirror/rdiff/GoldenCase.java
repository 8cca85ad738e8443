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
package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of {@code src/test/resources/golden} (made by {@code make-golden-vectors.sh}). Cases
 * are read from the classpath through the {@code CASES} index, so they also load from the
 * test-jar when another module extends {@link RdiffCompatibilitySuite}.
 *
 * @param fromPipe true when rdiff read the basis from stdin, i.e. with an unknown size
 * @param args     the rdiff signature options used, e.g. {@code -b 128 -S 8 -H md4 -R rollsum}
 */
public record GoldenCase(String name, boolean fromPipe, String args, byte[] oldFile, byte[] newFile,
                         byte[] signature, byte[] delta) {

    private static final String ROOT = "/golden/";

    public SignatureOptions options() {
        return parseOptions(args);
    }

    @Override
    public String toString() {
        return name + " [" + (fromPipe ? "pipe " : "") + args + "]";
    }

    public static List<GoldenCase> all() {
        List<GoldenCase> cases = new ArrayList<>();
        for (String line : text("CASES").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 2 || !(f[1].equals("file") || f[1].equals("pipe"))) {
                throw new IllegalStateException("bad CASES line: " + line);
            }
            cases.add(load(f[0], f[1].equals("pipe")));
        }
        return cases;
    }

    public static GoldenCase named(String name) {
        return all().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden case " + name));
    }

    private static GoldenCase load(String name, boolean pipe) {
        String dir = name + "/";
        return new GoldenCase(name, pipe, text(dir + "args").strip(), bytes(dir + "old"), bytes(dir + "new"),
                bytes(dir + "sig"), bytes(dir + "delta"));
    }

    /** rdiff's signature options ({@code -b}, {@code -S}, {@code -H}, {@code -R}) as SignatureOptions. */
    public static SignatureOptions parseOptions(String args) {
        String hash = "blake2";
        String rollsum = "rabinkarp";
        int block = 0;
        int strong = 0;
        String[] t = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        for (int i = 0; i < t.length; i += 2) {
            if (i + 1 >= t.length) {
                throw new IllegalArgumentException("option without value in: " + args);
            }
            switch (t[i]) {
                case "-b" -> block = Integer.parseInt(t[i + 1]);
                case "-S" -> strong = Integer.parseInt(t[i + 1]);
                case "-H" -> hash = t[i + 1];
                case "-R" -> rollsum = t[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + t[i] + " in: " + args);
            }
        }
        SignatureType type = SignatureType.of(hash, rollsum);
        if (type == null) {
            throw new IllegalArgumentException("unknown -H/-R in: " + args);
        }
        return new SignatureOptions(type, block, strong);
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = GoldenCase.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden resource " + ROOT + resource
                        + " (run src/test/scripts/make-golden-vectors.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
