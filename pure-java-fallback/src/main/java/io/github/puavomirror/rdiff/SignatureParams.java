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
 * The resolved header of a signature: its type, block length and strong sum length, exactly as
 * written to (or read from) the first 12 bytes of a signature file.
 */
public record SignatureParams(SignatureType type, int blockLength, int strongLength) {

    public SignatureParams {
        if (type == null) {
            throw new IllegalArgumentException("signature type is required");
        }
        if (blockLength < 1) {
            throw new IllegalArgumentException("block length must be >= 1, got " + blockLength);
        }
        if (strongLength < 1 || strongLength > type.maxStrongLength()) {
            throw new IllegalArgumentException("strong length must be 1.." + type.maxStrongLength()
                    + " for " + type + ", got " + strongLength);
        }
    }

    /** Size in bytes of one block's entry in a signature file (weak sum + strong sum). */
    public int entryLength() {
        return 4 + strongLength;
    }

    /** Number of blocks a basis of this length has: the last one may be short. */
    public long blockCount(long basisLength) {
        return (basisLength + blockLength - 1) / blockLength;
    }
}
