package io.github.puavomirror.mirror.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded image series for tests: each image is the previous one with a few overwrites, inserts
 * and deletes, like successive OS builds.
 */
final class SampleSeries {
    static final String PREFIX = "puavo-os-test-bookworm";

    private SampleSeries() {
    }

    static String name(int day) {
        return String.format("%s-2024-01-%02d-120000-amd64.img", PREFIX, day);
    }

    /** Writes {@code count} images of about {@code size} bytes into {@code dir}, days 1..count. */
    static List<Path> write(Path dir, int count, int size, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] data = new byte[size];
        r.nextBytes(data);
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                data = evolve(data, r);
            }
            Path p = dir.resolve(name(i));
            Files.write(p, data);
            out.add(p);
        }
        return out;
    }

    static byte[] evolve(byte[] old, Random r) {
        byte[] next = old.clone();
        for (int k = 0; k < 5; k++) {
            int at = r.nextInt(Math.max(1, next.length - 600));
            for (int i = 0; i < 500 && at + i < next.length; i++) {
                next[at + i] = (byte) r.nextInt(256);
            }
        }
        int ins = r.nextInt(next.length);
        byte[] extra = new byte[1 + r.nextInt(3000)];
        r.nextBytes(extra);
        byte[] grown = new byte[next.length + extra.length];
        System.arraycopy(next, 0, grown, 0, ins);
        System.arraycopy(extra, 0, grown, ins, extra.length);
        System.arraycopy(next, ins, grown, ins + extra.length, next.length - ins);
        return grown;
    }
}
