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
package io.github.puavomirror.rdiff.nativelib;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Seeded test inputs: random files and edited copies of them. */
final class TestData {
    private TestData() {
    }

    static byte[] random(Random rnd, int size) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        return b;
    }

    /** A copy of {@code old} with a few random inserts, deletes and overwrites. */
    static byte[] edit(Random rnd, byte[] old, int edits) {
        byte[] cur = old.clone();
        for (int i = 0; i < edits; i++) {
            int pos = cur.length == 0 ? 0 : rnd.nextInt(cur.length);
            int len = 1 + rnd.nextInt(300);
            ByteArrayOutputStream out = new ByteArrayOutputStream(cur.length + len);
            switch (rnd.nextInt(3)) {
                case 0:
                    out.write(cur, 0, pos);
                    out.writeBytes(random(rnd, len));
                    out.write(cur, pos, cur.length - pos);
                    break;
                case 1:
                    out.write(cur, 0, pos);
                    int end = Math.min(cur.length, pos + len);
                    out.write(cur, end, cur.length - end);
                    break;
                default:
                    out.writeBytes(cur);
                    byte[] o = out.toByteArray();
                    for (int j = pos; j < Math.min(o.length, pos + len); j++) {
                        o[j] = (byte) rnd.nextInt(256);
                    }
                    cur = o;
                    continue;
            }
            cur = out.toByteArray();
        }
        return cur;
    }
}
