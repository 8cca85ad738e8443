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

/**
 * What the caller asks for, before librsync's size-dependent defaults ({@code rs_sig_args}) are
 * applied: a block length of 0 means "recommended", a strong length of 0 means the maximum and
 * -1 the minimum safe length.
 *
 * @param type         weak and strong sum kinds; null means {@link SignatureType#DEFAULT}
 * @param blockLength  0 for the recommended length, else the block length in bytes
 * @param strongLength 0 for the maximum, -1 for the minimum, else the length in bytes
 */
public record SignatureOptions(SignatureType type, int blockLength, int strongLength) {

    /** rdiff's defaults: RabinKarp + BLAKE2, recommended block length, full 32-byte sums. */
    public static final SignatureOptions DEFAULTS = new SignatureOptions(null, 0, 0);

    /** Upstream Puavo bookworm settings: {@code rdiff --block-size=128}. */
    public static final SignatureOptions PUAVO_BOOKWORM = new SignatureOptions(null, 128, 0);

    /** Block length librsync uses when the basis size is unknown (a pipe). */
    public static final int UNKNOWN_SIZE_BLOCK_LENGTH = 2048;

    /** Minimum strong length librsync uses when the basis size is unknown. */
    public static final int UNKNOWN_SIZE_MIN_STRONG_LENGTH = 12;

    public SignatureOptions withBlockLength(int newBlockLength) {
        return new SignatureOptions(type, newBlockLength, strongLength);
    }

    public SignatureOptions withType(SignatureType newType) {
        return new SignatureOptions(newType, blockLength, strongLength);
    }

    /**
     * Applies librsync 2.3.2's {@code rs_sig_args} for a basis of the given length (-1 when it is
     * a stream of unknown length).
     *
     * @throws RdiffException {@link RdiffResult#PARAM_ERROR} for a strong length over the
     *                        maximum or a negative block length
     */
    public SignatureParams resolve(long basisLength) throws RdiffException {
        SignatureType t = type == null ? SignatureType.DEFAULT : type;
        if (blockLength < 0) {
            throw new RdiffException(RdiffResult.PARAM_ERROR, "invalid block length " + blockLength);
        }
        int block = blockLength == 0 ? recommendedBlockLength(basisLength) : blockLength;
        int strong;
        if (strongLength == 0) {
            strong = t.maxStrongLength();
        } else if (strongLength == -1) {
            strong = minStrongLength(basisLength, block);
        } else if (strongLength < -1 || strongLength > t.maxStrongLength()) {
            throw new RdiffException(RdiffResult.PARAM_ERROR, "invalid strong_sum_len="
                    + strongLength + " for " + (t.blake2() ? "blake2" : "md4") + " signature");
        } else {
            strong = strongLength;
        }
        return new SignatureParams(t, block, strong);
    }

    /** librsync's recommended block length: 2048 for streams, 256 up to 64 KiB, else sqrt rounded down to 128. */
    public static int recommendedBlockLength(long basisLength) {
        if (basisLength < 0) {
            return UNKNOWN_SIZE_BLOCK_LENGTH;
        }
        if (basisLength <= 65536) {
            return 256;
        }
        return (int) (isqrt(basisLength) & ~127L);
    }

    /** librsync's minimum safe strong sum length for this basis length and block length. */
    public static int minStrongLength(long basisLength, int blockLength) {
        if (basisLength < 0) {
            return UNKNOWN_SIZE_MIN_STRONG_LENGTH;
        }
        return 2 + (ln2(basisLength + (1L << 24)) + ln2(basisLength / blockLength + 1) + 7) / 8;
    }

    private static int ln2(long v) {
        return 63 - Long.numberOfLeadingZeros(v);
    }

    private static long isqrt(long v) {
        long r = (long) Math.sqrt((double) v);
        while (r * r > v) {
            r--;
        }
        while ((r + 1) * (r + 1) <= v) {
            r++;
        }
        return r;
    }
}
