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

import java.util.regex.Pattern;

/**
 * Size and checksums of one published file, as they go into the meta and CKSUMS.
 *
 * @param size   byte size
 * @param cksum  POSIX {@code cksum} CRC, 0..4294967295
 * @param sha256 lowercase hex, 64 characters
 * @param sha512 lowercase hex, 128 characters
 */
public record Checksums(long size, long cksum, String sha256, String sha512) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    /** @throws IllegalArgumentException if a value is out of range or not lowercase hex of the right length */
    public Checksums {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (cksum < 0 || cksum > 0xffffffffL) {
            throw new IllegalArgumentException("cksum out of range: " + cksum);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
        if (sha512 == null || !SHA512.matcher(sha512).matches()) {
            throw new IllegalArgumentException("sha512 must be 128 lowercase hex digits: " + sha512);
        }
    }

    /** The cksum as the decimal string used in meta files and CKSUMS. */
    public String cksumString() {
        return Long.toString(cksum);
    }
}
