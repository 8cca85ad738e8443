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

import static io.github.puavomirror.rdiff.ByteDiff.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The command encoding of docs/rdiff-formats.md §7: opcodes and minimal big-endian widths. */
class DeltaCommandsTest {

    @ParameterizedTest(name = "literal of {0} bytes -> {1}")
    @CsvSource({
            "1, 01",
            "64, 40",
            "65, 4141",
            "255, 41ff",
            "256, 420100",
            "32768, 428000",
            "65535, 42ffff",
            "65536, 4300010000",
            "4294967295, 43ffffffff",
            // librsync asserts instead of emitting LITERAL_N8; its patcher reads 0x44 fine.
            "4294967296, 440000000100000000"})
    void literalHeaders(long length, String expectedHex) {
        assertThat(hex(DeltaCommands.literalHeader(length))).isEqualTo(expectedHex);
    }

    /** One value at each side of every width boundary, with the width rs_int_len gives it. */
    private static final long[] VALUES = {0, 0xffL, 0x100L, 0xffffL, 0x10000L, 0xffffffffL, 0x100000000L,
            Long.MAX_VALUE};
    private static final int[] WIDTHS = {1, 1, 2, 2, 4, 4, 8, 8};

    static Stream<Arguments> copies() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int p = 0; p < VALUES.length; p++) {
            for (int l = 0; l < VALUES.length; l++) {
                long length = VALUES[l] == 0 ? 1 : VALUES[l];
                b.add(Arguments.of(VALUES[p], WIDTHS[p], length, WIDTHS[l]));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "copy pos {0} len {2}")
    @MethodSource("copies")
    void copyCommands(long position, int positionWidth, long length, int lengthWidth) {
        int opcode = 0x45 + 4 * index(positionWidth) + index(lengthWidth);
        String expected = String.format("%02x", opcode) + bigEndian(position, positionWidth)
                + bigEndian(length, lengthWidth);
        assertThat(hex(DeltaCommands.copyCommand(position, length))).isEqualTo(expected);
    }

    @Test
    void copyOpcodesRunFrom0x45To0x54() {
        assertThat(hex(DeltaCommands.copyCommand(0, 1))).isEqualTo("450001");
        assertThat(hex(DeltaCommands.copyCommand(0x100, 0x10000))).isEqualTo("4b010000010000");
        assertThat(hex(DeltaCommands.copyCommand(0x10000, 0x100))).isEqualTo("4e000100000100");
        assertThat(hex(DeltaCommands.copyCommand(0x100000000L, 0x100000000L)))
                .isEqualTo("54" + "0000000100000000" + "0000000100000000");
        // The copy of the repeated-blocks example, docs/matching.md §8.
        assertThat(hex(DeltaCommands.copyCommand(0, 256))).isEqualTo("46000100");
    }

    @ParameterizedTest(name = "intLength({0}) = {1}")
    @CsvSource({"0, 1", "255, 1", "256, 2", "65535, 2", "65536, 4", "4294967295, 4", "4294967296, 8",
            "9223372036854775807, 8"})
    void intLength(long value, int width) {
        assertThat(DeltaCommands.intLength(value)).isEqualTo(width);
    }

    @Test
    void writesIntoABufferAtAnOffset() {
        byte[] buf = new byte[40];
        int n = DeltaCommands.putLiteralHeader(buf, 3, 300);
        int m = DeltaCommands.putCopy(buf, 3 + n, 70000, 2);
        assertThat(n).isEqualTo(3);
        assertThat(m).isEqualTo(6);
        assertThat(hex(Arrays.copyOf(buf, 3 + n + m))).isEqualTo("000000" + "42012c" + "4d0001117002");
    }

    @Test
    void rejectsWhatLibrsyncNeverEmits() {
        assertThatThrownBy(() -> DeltaCommands.literalHeader(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeltaCommands.copyCommand(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeltaCommands.copyCommand(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int index(int width) {
        return Integer.numberOfTrailingZeros(width);
    }

    private static String bigEndian(long v, int width) {
        return String.format("%016x", v).substring(16 - 2 * width);
    }
}
