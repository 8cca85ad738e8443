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

import java.io.ByteArrayInputStream;
import java.util.Random;

/** Returns reads of changing, often small sizes, as pipes and sockets do. */
final class ShortReads extends ByteArrayInputStream {
    private final Random random;
    private final int maxRead;

    /** Half the reads are at most 100 bytes, the others at most {@code maxRead}. */
    ShortReads(byte[] data, long seed, int maxRead) {
        super(data);
        this.random = new Random(seed);
        this.maxRead = maxRead;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 100 : maxRead)));
    }
}
