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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;

import static io.github.puavomirror.rdiff.ByteDiff.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The header checks every engine shares, in librsync's order (docs/rdiff-formats.md §6). */
class SignatureHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'empty', '', INPUT_ENDED",
        "'magic only', '72730147', INPUT_ENDED",
        "'bogus block length before the end', '12345678 00000000', CORRUPT",
        "'block length 2^31 is negative', '72730147 80000000 00000020', CORRUPT",
        "'no strong sum length', '72730147 00000100 0000', INPUT_ENDED",
        "'strong sum length 33', '12345678 00000100 00000021', CORRUPT",
        "'negative strong sum length', '72730147 00000100 ffffffff', CORRUPT",
        "'unknown magic', '12345678 00000100 00000020', BAD_MAGIC",
        "'delta magic', '72730236 00000100 00000020', BAD_MAGIC",
        "'md4 with 17-byte sums', '72730136 00000100 00000011', PARAM_ERROR",
    })
    void refusesWhatLibrsyncRefusesWithItsResult(String what, String hex, RdiffResult result) {
        byte[] header = unhex(hex.replace(" ", ""));
        RdiffException e = catchThrowableOfType(RdiffException.class,
                () -> SignatureHeader.read(new ByteArrayInputStream(header)));
        assertThat(e).as(what).isNotNull();
        assertThat(e.result()).as(what).isEqualTo(result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'blake2 with 32-byte sums', '72730147 00000080 00000020', BLAKE2_RABINKARP, 128, 32",
        "'magic 0 is the default', '00000000 00000080 00000008', BLAKE2_RABINKARP, 128, 8",
        "'strong length 0 is the longest', '72730136 00000400 00000000', MD4_ROLLSUM, 1024, 16",
    })
    void readsWhatLibrsyncLoads(String what, String hex, SignatureType type, int block, int strong)
            throws Exception {
        SignatureHeader h = SignatureHeader.read(new ByteArrayInputStream(unhex(hex.replace(" ", ""))));
        assertThat(h).as(what).isEqualTo(new SignatureHeader(type, block, strong));
        assertThat(h.blocks(12 + 3L * h.entryLength() + 2)).isEqualTo(3);
    }
}
