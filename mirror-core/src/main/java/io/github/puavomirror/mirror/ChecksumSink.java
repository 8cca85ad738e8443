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
package io.github.puavomirror.mirror;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Computes size, POSIX cksum, SHA-256 and SHA-512 of a byte stream in one pass. Feed it directly with
 * {@code update}, or {@link #wrap} an output stream so that bytes are checksummed as they are written (e.g. an
 * rdiff being produced), then call {@link #finish()}. Not thread-safe.
 */
public final class ChecksumSink {

    private final PosixCksum cksum = new PosixCksum();
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest sha512 = digest("SHA-512");
    private Checksums result;

    /** Adds {@code len} bytes of {@code b} from {@code off}. */
    public void update(byte[] b, int off, int len) {
        checkOpen();
        cksum.update(b, off, len);
        sha256.update(b, off, len);
        sha512.update(b, off, len);
    }

    /** Adds the remaining bytes of {@code buffer} and advances its position to its limit. */
    public void update(ByteBuffer buffer) {
        checkOpen();
        if (buffer.hasArray()) {
            int start = buffer.arrayOffset() + buffer.position();
            update(buffer.array(), start, buffer.remaining());
        } else {
            cksum.update(buffer.duplicate());
            sha256.update(buffer.duplicate());
            sha512.update(buffer.duplicate());
        }
        buffer.position(buffer.limit());
    }

    /** Bytes added so far. */
    public long size() {
        return cksum.length();
    }

    /** The checksums of everything added. After this call, further updates throw {@link IllegalStateException}. */
    public Checksums finish() {
        if (result == null) {
            HexFormat hex = HexFormat.of();
            result = new Checksums(cksum.length(), cksum.getValue(),
                    hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
        }
        return result;
    }

    /**
     * An output stream that writes through to {@code out} and adds every written byte to this sink. Closing it
     * closes {@code out} but does not {@link #finish()} the sink.
     */
    public OutputStream wrap(OutputStream out) {
        Objects.requireNonNull(out, "out");
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                update(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                update(b, off, len);
            }
        };
    }

    private void checkOpen() {
        if (result != null) {
            throw new IllegalStateException("checksums already finished");
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
