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

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check values of docs/rdiff-formats.md §4 (taken from rdiff 2.3.2). */
class WeakSumsTest {

    private static byte[] range256() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("\"\"", new byte[0], 0x00000000, 0x00000000, 0x00000001),
                Arguments.of("\"a\"", "a".getBytes(StandardCharsets.US_ASCII), 0x00800080, 0xcec052c0, 0x08104286),
                Arguments.of("\"abc\"", "abc".getBytes(StandardCharsets.US_ASCII), 0x03040183, 0x674f1fb2, 0x66298923),
                Arguments.of("256 x 0x00", new byte[256], 0x8f801f00, 0x4b62f2a5, 0x55101c01),
                Arguments.of("bytes 0..255", range256(), 0x3a009e80, 0x38b4cf52, 0xc1972381));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rollsum(String name, byte[] data, int rollsum, int mixed, int rabinKarp) {
        assertThat(WeakSums.rollsum(data, 0, data.length)).as("rollsum of %s", name).isEqualTo(rollsum);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void mix32(String name, byte[] data, int rollsum, int mixed, int rabinKarp) {
        assertThat(WeakSums.mix32(rollsum)).as("mix32(rollsum) of %s", name).isEqualTo(mixed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rabinKarp(String name, byte[] data, int rollsum, int mixed, int rabinKarp) {
        assertThat(WeakSums.rabinKarp(data, 0, data.length)).as("rabinkarp of %s", name).isEqualTo(rabinKarp);
    }

    @Test
    void sumsCoverOnlyTheGivenRange() {
        // "abc" inside other bytes: the offset and length must select exactly it.
        byte[] padded = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(WeakSums.rollsum(padded, 2, 3)).isEqualTo(0x03040183);
        assertThat(WeakSums.rabinKarp(padded, 2, 3)).isEqualTo(0x66298923);
    }

    /** The sixteen-bytes-a-step RabinKarp against librsync's definition, one byte at a time. */
    @Test
    void rabinKarpEqualsOneByteAtATimeForEveryLengthAndOffset() {
        byte[] data = new byte[400];
        new Random(5).nextBytes(data);
        for (int off = 0; off < 20; off++) {
            for (int len = 0; off + len <= data.length; len++) {
                int h = 1;
                for (int i = off; i < off + len; i++) {
                    h = h * WeakSums.RK_MULT + (data[i] & 0xff);
                }
                assertThat(WeakSums.rabinKarp(data, off, len)).as("off %d len %d", off, len).isEqualTo(h);
            }
        }
    }
}
