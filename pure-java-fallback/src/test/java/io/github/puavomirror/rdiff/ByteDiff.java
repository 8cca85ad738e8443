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

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Byte-for-byte assertions whose failure message shows where two outputs part: the first
 * differing offset, hex around it and, for deltas, the decoded command lists.
 */
public final class ByteDiff {
    private static final HexFormat HEX = HexFormat.of();
    private static final int CONTEXT = 24;
    private static final int MAX_COMMANDS_SHOWN = 40;

    private ByteDiff() {
    }

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    public static byte[] unhex(String s) {
        return HEX.parseHex(s.replaceAll("[\\s|]", ""));
    }

    /** Fails unless {@code actual} equals {@code expected}; {@code what} leads the message. */
    public static void assertBytes(String what, byte[] expected, byte[] actual) {
        int at = firstDifference(expected, actual);
        if (at >= 0) {
            fail(what + ": " + describe(expected, actual, at));
        }
    }

    /** Like {@link #assertBytes} and adds both deltas' decoded commands to the message. */
    public static void assertDelta(String what, byte[] expected, byte[] actual) {
        int at = firstDifference(expected, actual);
        if (at >= 0) {
            fail(what + ": " + describe(expected, actual, at)
                    + "\n  expected commands: " + commands(expected)
                    + "\n  actual commands:   " + commands(actual));
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    private static String describe(byte[] expected, byte[] actual, int at) {
        int from = Math.max(0, at - CONTEXT);
        return "lengths expected " + expected.length + " actual " + actual.length
                + ", first difference at offset " + at
                + "\n  expected[" + from + "..]: " + window(expected, from)
                + "\n  actual  [" + from + "..]: " + window(actual, from);
    }

    private static String window(byte[] b, int from) {
        int to = Math.min(b.length, from + 2 * CONTEXT);
        return from >= to ? "(ends)" : HEX.formatHex(b, from, to) + (to < b.length ? "..." : "");
    }

    /**
     * Decodes a delta for messages: "COPY(pos,len)", "LIT(len)", "END", and a note where the
     * stream stops making sense.
     */
    public static String commands(byte[] delta) {
        List<String> out = new ArrayList<>();
        if (delta.length < 4 || readBig(delta, 0, 4) != DeltaCommands.DELTA_MAGIC) {
            return "(no delta magic)";
        }
        int i = 4;
        while (i < delta.length) {
            if (out.size() == MAX_COMMANDS_SHOWN) {
                out.add("...");
                break;
            }
            int op = delta[i++] & 0xff;
            if (op == 0) {
                out.add("END" + (i < delta.length ? "+" + (delta.length - i) + " trailing" : ""));
                break;
            }
            if (op > 0x54) {
                out.add(String.format("RESERVED(0x%02x)", op));
                break;
            }
            if (op <= 0x44) {
                long len = op;
                if (op > 0x40) {
                    int w = 1 << (op - 0x41);
                    if (i + w > delta.length) {
                        out.add("truncated");
                        break;
                    }
                    len = readBig(delta, i, w);
                    i += w;
                }
                out.add("LIT(" + len + ")");
                if (len < 0 || len > delta.length - i) {
                    out.add("truncated");
                    break;
                }
                i += (int) len;
            } else {
                int pw = 1 << ((op - 0x45) / 4);
                int lw = 1 << ((op - 0x45) % 4);
                if (i + pw + lw > delta.length) {
                    out.add("truncated");
                    break;
                }
                out.add("COPY(" + readBig(delta, i, pw) + "," + readBig(delta, i + pw, lw) + ")");
                i += pw + lw;
            }
        }
        return String.join(" ", out);
    }

    static long readBig(byte[] b, int off, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
