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

/**
 * A signature file's 12-byte header (docs/rdiff-formats.md §3), read and checked with librsync
 * 2.3.2's loader rules in their order (docs/rdiff-formats.md §6): each field as it is read, so a
 * header that ends early is {@link RdiffResult#INPUT_ENDED} unless a field before the end is
 * already wrong; a block length below 1 or a strong sum length outside 0..32 is
 * {@link RdiffResult#CORRUPT}; then the magic ({@link RdiffResult#BAD_MAGIC}) and the strong sum
 * length against its hash ({@link RdiffResult#PARAM_ERROR}). Every engine applies these same
 * checks, the native one before librsync sees a header it would assert on.
 *
 * @param type         the signature type its magic names (0 names the default)
 * @param blockLength  the block length, at least 1
 * @param strongLength the strong sum length, with 0 resolved to the hash's longest
 */
public record SignatureHeader(SignatureType type, int blockLength, int strongLength) {
    /** Bytes in the header. */
    public static final int LENGTH = 12;

    /** librsync's RS_MAX_STRONG_SUM_LENGTH: longer is corrupt whatever the hash. */
    private static final int MAX_STRONG_LENGTH = 32;

    private static final String[] FIELDS = {"magic", "block length", "strong sum length"};

    /** Reads the header's bytes from {@code in}, up to {@value #LENGTH}, and checks them. */
    public static SignatureHeader read(InputStream in) throws IOException {
        byte[] header = new byte[LENGTH];
        return parse(header, Streams.readFully(in, header, 0, LENGTH));
    }

    /**
     * Checks the first {@code n} bytes of a signature, all there is when {@code n} is below
     * {@value #LENGTH}.
     */
    public static SignatureHeader parse(byte[] header, int n) throws RdiffException {
        int magic = field(header, n, 0);
        int blockLength = field(header, n, 1);
        if (blockLength < 1) {
            throw new RdiffException(RdiffResult.CORRUPT, "block length of " + blockLength + " is bogus");
        }
        int strongLength = field(header, n, 2);
        if (strongLength < 0 || strongLength > MAX_STRONG_LENGTH) {
            throw new RdiffException(RdiffResult.CORRUPT, "strong sum length " + strongLength + " is implausible");
        }
        SignatureType type = SignatureType.ofMagic(magic);
        if (strongLength == 0) {
            strongLength = type.maxStrongLength();
        } else if (strongLength > type.maxStrongLength()) {
            throw new RdiffException(RdiffResult.PARAM_ERROR, "invalid strong_sum_len=" + strongLength
                    + " for " + (type.blake2() ? "blake2" : "md4") + " signature");
        }
        return new SignatureHeader(type, blockLength, strongLength);
    }

    private static int field(byte[] header, int n, int index) throws RdiffException {
        int off = 4 * index;
        if (n < off + 4) {
            throw new RdiffException(RdiffResult.INPUT_ENDED,
                    "signature ends inside its header (" + FIELDS[index] + ")");
        }
        return SignatureReader.getInt(header, off);
    }

    /** The same values as the parameters signatures are made and matched with. */
    public SignatureParams params() {
        return new SignatureParams(type, blockLength, strongLength);
    }

    /** Bytes each block takes after the header: its weak sum and its strong sum. */
    public int entryLength() {
        return 4 + strongLength;
    }

    /** Whole blocks a signature file of {@code fileLength} bytes holds with this header. */
    public long blocks(long fileLength) {
        return (fileLength - LENGTH) / entryLength();
    }
}
