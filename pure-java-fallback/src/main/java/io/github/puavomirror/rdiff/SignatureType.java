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

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four librsync signature kinds: a weak rolling sum and a strong hash, named by the magic
 * number at the start of a signature file.
 */
public enum SignatureType {
    MD4_ROLLSUM(0x72730136, false, false),
    BLAKE2_ROLLSUM(0x72730137, false, true),
    MD4_RABINKARP(0x72730146, true, false),
    BLAKE2_RABINKARP(0x72730147, true, true);

    /** What rdiff 2.3.2 writes when no {@code -H}/{@code -R} is given. */
    public static final SignatureType DEFAULT = BLAKE2_RABINKARP;

    private final int magic;
    private final boolean rabinKarp;
    private final boolean blake2;

    SignatureType(int magic, boolean rabinKarp, boolean blake2) {
        this.magic = magic;
        this.rabinKarp = rabinKarp;
        this.blake2 = blake2;
    }

    public int magic() {
        return magic;
    }

    /** True for RabinKarp weak sums, false for the classic rollsum. */
    public boolean rabinKarp() {
        return rabinKarp;
    }

    /** True for BLAKE2b-256 strong sums, false for MD4. */
    public boolean blake2() {
        return blake2;
    }

    /** The longest strong sum this hash gives: 32 for BLAKE2b-256, 16 for MD4. */
    public int maxStrongLength() {
        return blake2 ? 32 : 16;
    }

    /** The strong hash's name, as rdiff's {@code -H} takes it: {@code blake2} or {@code md4}. */
    public String hashName() {
        return blake2 ? "blake2" : "md4";
    }

    /** The rolling sum's name, as rdiff's {@code -R} takes it: {@code rabinkarp} or {@code rollsum}. */
    public String rollsumName() {
        return rabinKarp ? "rabinkarp" : "rollsum";
    }

    /** The type's name, {@code <hash>-<rolling sum>}: {@code blake2-rabinkarp}, {@code md4-rollsum}... */
    public String label() {
        return hashName() + "-" + rollsumName();
    }

    /** The type for rdiff's {@code -H} and {@code -R} option values, or null for an unknown name. */
    public static SignatureType of(String hash, String rollsum) {
        for (SignatureType t : values()) {
            if (t.hashName().equals(hash) && t.rollsumName().equals(rollsum)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The type for rdiff's {@code -H} and {@code -R} option values.
     *
     * @throws IllegalArgumentException naming the unknown algorithm, in rdiff's words
     */
    public static SignatureType ofAlgorithms(String hash, String rollsum) {
        if (of(hash, DEFAULT.rollsumName()) == null) {
            throw new IllegalArgumentException("unknown hash algorithm '" + hash + "'");
        }
        if (of(DEFAULT.hashName(), rollsum) == null) {
            throw new IllegalArgumentException("unknown rollsum algorithm '" + rollsum + "'");
        }
        return of(hash, rollsum);
    }

    /**
     * The type a {@link #label()} names, in any letter case.
     *
     * @throws IllegalArgumentException for any other text, listing the four names
     */
    public static SignatureType parse(String label) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        for (SignatureType t : values()) {
            if (t.label().equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown signature type '" + label + "' (expected "
                + Arrays.stream(values()).sorted(Comparator.comparing((SignatureType t) -> !t.blake2)
                        .thenComparing(t -> !t.rabinKarp)).map(SignatureType::label)
                        .collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The type for a magic number as librsync's loader reads it: 0 means the default type,
     * anything else unknown is {@link RdiffResult#BAD_MAGIC}.
     */
    public static SignatureType ofMagic(int magic) throws RdiffException {
        if (magic == 0) {
            return DEFAULT;
        }
        for (SignatureType t : values()) {
            if (t.magic == magic) {
                return t;
            }
        }
        throw new RdiffException(RdiffResult.BAD_MAGIC,
                String.format("unknown signature magic 0x%08x", magic));
    }
}
