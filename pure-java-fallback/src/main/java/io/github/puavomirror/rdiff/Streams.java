package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;

/** Small stream helpers shared by the signature, delta and patch code. */
final class Streams {
    private Streams() {
    }

    /** Reads until {@code len} bytes are in or the stream ends; returns how many were read. */
    static int readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(buf, off + done, len - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }
}
