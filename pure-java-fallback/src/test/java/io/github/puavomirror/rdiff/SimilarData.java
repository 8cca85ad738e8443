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

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded test data: a basis file and a "new" version of it made by the edits deltas are built
 * for (inserts, deletes, overwrites, duplicated ranges, zero runs), over content styles that
 * stress the matcher differently (random, small alphabets, periodic, zero-heavy, text-like).
 * {@link Random}'s algorithm is fixed by its specification, so a seed reproduces a case on
 * every JDK.
 */
public final class SimilarData {

    /** A basis and a new file, with a short description of how they were made. */
    public record Pair(byte[] oldFile, byte[] newFile, String recipe) {
    }

    private final Random random;

    public SimilarData(long seed) {
        this.random = new Random(seed);
    }

    /** A basis of exactly {@code size} bytes and a similar new file of at most about {@code maxNewSize}. */
    public Pair pair(int size, int maxNewSize) {
        StringBuilder recipe = new StringBuilder();
        byte[] alphabet = pickAlphabet(recipe);
        byte[] old = base(size, alphabet, recipe);
        int mode = random.nextInt(20);
        byte[] fresh;
        if (mode == 0) {
            recipe.append(" new=identical");
            fresh = old.clone();
        } else if (mode == 1) {
            recipe.append(" new=unrelated");
            fresh = base(random.nextInt(maxNewSize + 1), alphabet, new StringBuilder());
        } else if (mode == 2) {
            recipe.append(" new=empty");
            fresh = new byte[0];
        } else {
            fresh = edit(old, alphabet, maxNewSize, recipe);
        }
        return new Pair(old, fresh, recipe.toString().strip());
    }

    /** {@code n} random bytes, or symbols of {@code alphabet} when it is not null. */
    public byte[] bytes(int n, byte[] alphabet) {
        byte[] b = new byte[n];
        if (alphabet == null) {
            random.nextBytes(b);
        } else {
            for (int i = 0; i < n; i++) {
                b[i] = alphabet[random.nextInt(alphabet.length)];
            }
        }
        return b;
    }

    private byte[] pickAlphabet(StringBuilder recipe) {
        if (random.nextInt(3) != 0) {
            recipe.append("alphabet=256");
            return null;
        }
        int n = 1 + random.nextInt(random.nextBoolean() ? 3 : 16);
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = (byte) random.nextInt(256);
        }
        recipe.append("alphabet=").append(n);
        return a;
    }

    private byte[] base(int size, byte[] alphabet, StringBuilder recipe) {
        int style = random.nextInt(5);
        byte[] b;
        switch (style) {
            case 0 -> {
                recipe.append(" old=periodic");
                // Repeating blocks exercise the "lowest block index wins" rule.
                byte[] period = bytes(1 + random.nextInt(600), alphabet);
                b = new byte[size];
                for (int i = 0; i < size; i++) {
                    b[i] = period[i % period.length];
                }
            }
            case 1 -> {
                recipe.append(" old=zero-heavy");
                b = bytes(size, alphabet);
                for (int i = 0; i < size; ) {
                    int run = 1 + random.nextInt(2000);
                    if (random.nextBoolean()) {
                        Arrays.fill(b, i, Math.min(size, i + run), (byte) 0);
                    }
                    i += run;
                }
            }
            case 2 -> {
                recipe.append(" old=text");
                byte[] words = "the quick brown fox jumps over lazy dog rdiff librsync block\n ".getBytes();
                b = bytes(size, words);
            }
            default -> {
                recipe.append(" old=random");
                b = bytes(size, alphabet);
            }
        }
        return b;
    }

    private byte[] edit(byte[] old, byte[] alphabet, int maxNewSize, StringBuilder recipe) {
        byte[] cur = old.clone();
        int edits = random.nextInt(9);
        recipe.append(" edits=").append(edits).append(':');
        for (int e = 0; e < edits; e++) {
            int pos = random.nextInt(cur.length + 1);
            int n = 1 + random.nextInt(1 + Math.min(4096, Math.max(1, cur.length / 4)));
            int kind = random.nextInt(7);
            switch (kind) {
                case 0 -> {
                    // Now and then an insert long enough to force 32768-byte literal splits.
                    if (random.nextInt(12) == 0 && cur.length + 40000 <= maxNewSize) {
                        n = 32768 + random.nextInt(40000 - 32768);
                    }
                    recipe.append(" ins").append(n);
                    cur = splice(cur, pos, 0, bytes(n, alphabet));
                }
                case 1 -> {
                    recipe.append(" del").append(n);
                    cur = splice(cur, pos, n, new byte[0]);
                }
                case 2 -> {
                    recipe.append(" ovr").append(n);
                    int len = Math.min(n, cur.length - pos);
                    cur = splice(cur, pos, len, bytes(len, alphabet));
                }
                case 3, 4 -> {
                    recipe.append(" dup").append(n);
                    if (old.length > 0) {
                        int src = random.nextInt(old.length);
                        cur = splice(cur, pos, 0, Arrays.copyOfRange(old, src, Math.min(old.length, src + n)));
                    }
                }
                case 5 -> {
                    recipe.append(" zeros").append(n);
                    cur = splice(cur, pos, 0, new byte[n]);
                }
                default -> {
                    recipe.append(" byte");
                    if (cur.length > 0) {
                        cur[Math.min(pos, cur.length - 1)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
            }
            if (cur.length > maxNewSize) {
                cur = Arrays.copyOf(cur, maxNewSize);
            }
        }
        return cur;
    }

    /** {@code b} with {@code [pos, pos+remove)} replaced by {@code insert} (clamped to b's end). */
    private static byte[] splice(byte[] b, int pos, int remove, byte[] insert) {
        int end = Math.min(b.length, pos + remove);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length - (end - pos) + insert.length);
        out.write(b, 0, pos);
        out.write(insert, 0, insert.length);
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }
}
