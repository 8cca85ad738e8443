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
