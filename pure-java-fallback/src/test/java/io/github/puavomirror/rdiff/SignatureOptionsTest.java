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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rs_sig_args: the defaults table of docs/rdiff-formats.md §2 and its parameter errors. */
class SignatureOptionsTest {

    @ParameterizedTest(name = "size {0}: block {1}, min strong {2}")
    @CsvSource({
            "-1, 2048, 12",
            "0, 256, 5",
            "1000, 256, 6",
            "65536, 256, 6",
            "1000000, 896, 7",
            "1073741824, 32768, 8",
            "5000000000, 70656, 8",
            "1099511627776, 1048576, 10"})
    void defaultsTable(long size, int block, int minStrong) throws RdiffException {
        assertThat(SignatureOptions.recommendedBlockLength(size)).as("block_len").isEqualTo(block);
        assertThat(SignatureOptions.minStrongLength(size, block)).as("min strong").isEqualTo(minStrong);
        SignatureParams p = new SignatureOptions(null, 0, -1).resolve(size);
        assertThat(p).isEqualTo(new SignatureParams(SignatureType.BLAKE2_RABINKARP, block, minStrong));
        assertThat(SignatureOptions.DEFAULTS.resolve(size))
                .isEqualTo(new SignatureParams(SignatureType.BLAKE2_RABINKARP, block, 32));
    }

    @Test
    void sqrtRuleBoundaries() {
        // Just over 64 KiB the sqrt rule starts; isqrt is exact at perfect squares and one below.
        assertThat(SignatureOptions.recommendedBlockLength(65537)).isEqualTo(256);
        assertThat(SignatureOptions.recommendedBlockLength(384L * 384)).isEqualTo(384);
        assertThat(SignatureOptions.recommendedBlockLength(384L * 384 - 1)).isEqualTo(256);
    }

    @Test
    void strongLengthZeroIsTheMaximum() throws RdiffException {
        assertThat(new SignatureOptions(SignatureType.MD4_ROLLSUM, 0, 0).resolve(1000).strongLength()).isEqualTo(16);
        assertThat(new SignatureOptions(SignatureType.BLAKE2_ROLLSUM, 0, 0).resolve(-1).strongLength()).isEqualTo(32);
        assertThat(new SignatureOptions(null, 0, 0).resolve(10).type()).isEqualTo(SignatureType.BLAKE2_RABINKARP);
    }

    @Test
    void explicitValuesAreKeptEvenBelowTheMinimum() throws RdiffException {
        // librsync only warns about a strong length below the recommended minimum.
        assertThat(new SignatureOptions(SignatureType.MD4_RABINKARP, 7, 1).resolve(1_000_000))
                .isEqualTo(new SignatureParams(SignatureType.MD4_RABINKARP, 7, 1));
        assertThat(new SignatureOptions(SignatureType.MD4_RABINKARP, 0, 16).resolve(-1))
                .isEqualTo(new SignatureParams(SignatureType.MD4_RABINKARP, 2048, 16));
    }

    @ParameterizedTest(name = "{0} -b {1} -S {2} -> PARAM_ERROR")
    @CsvSource({
            "MD4_ROLLSUM, 0, 17",
            "MD4_RABINKARP, 128, 32",
            "BLAKE2_RABINKARP, 0, 33",
            "BLAKE2_ROLLSUM, 0, -2",
            "BLAKE2_RABINKARP, -1, 0"})
    void parameterErrors(SignatureType type, int block, int strong) {
        assertThatThrownBy(() -> new SignatureOptions(type, block, strong).resolve(1000))
                .isInstanceOfSatisfying(RdiffException.class,
                        e -> assertThat(e.result()).isEqualTo(RdiffResult.PARAM_ERROR));
    }

    @Test
    void magicNumbers() throws RdiffException {
        assertThat(SignatureType.ofMagic(0)).isEqualTo(SignatureType.BLAKE2_RABINKARP);
        assertThat(SignatureType.ofMagic(0x72730136)).isEqualTo(SignatureType.MD4_ROLLSUM);
        assertThat(SignatureType.ofMagic(0x72730137)).isEqualTo(SignatureType.BLAKE2_ROLLSUM);
        assertThat(SignatureType.ofMagic(0x72730146)).isEqualTo(SignatureType.MD4_RABINKARP);
        assertThat(SignatureType.ofMagic(0x72730147)).isEqualTo(SignatureType.BLAKE2_RABINKARP);
        assertThatThrownBy(() -> SignatureType.ofMagic(0x72730236))
                .isInstanceOfSatisfying(RdiffException.class,
                        e -> assertThat(e.result()).isEqualTo(RdiffResult.BAD_MAGIC));
        assertThat(SignatureType.of("md4", "rollsum")).isEqualTo(SignatureType.MD4_ROLLSUM);
        assertThat(SignatureType.of("sha1", "rollsum")).isNull();
    }

    /** The small sizes of the table, confirmed against rdiff's headers (the large ones would need huge files). */
    @ParameterizedTest(name = "rdiff -S -1 on {0} bytes")
    @CsvSource({"0", "1000", "65536", "1000000"})
    void defaultsMatchRdiff(int size, @TempDir Path dir) throws IOException {
        RdiffBinary.assumeAvailable();
        Path basis = dir.resolve("basis");
        Files.write(basis, new byte[size]);
        byte[] sig = RdiffBinary.runOk(null, "-S", "-1", "signature", basis.toString(), "-").out();
        ByteBuffer header = ByteBuffer.wrap(sig, 0, 12);
        assertThat(header.getInt()).isEqualTo(SignatureType.DEFAULT.magic());
        assertThat(header.getInt()).as("block_len").isEqualTo(SignatureOptions.recommendedBlockLength(size));
        assertThat(header.getInt()).as("strong_len")
                .isEqualTo(SignatureOptions.minStrongLength(size, SignatureOptions.recommendedBlockLength(size)));
    }
}
