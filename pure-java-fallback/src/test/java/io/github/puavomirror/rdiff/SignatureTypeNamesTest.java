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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signature type's one name for every front end, and rdiff's -H/-R names. */
class SignatureTypeNamesTest {
    @Test
    void parsesAllFourSignatureTypes() {
        assertThat(SignatureType.parse("blake2-rabinkarp")).isEqualTo(SignatureType.BLAKE2_RABINKARP);
        assertThat(SignatureType.parse("blake2-rollsum")).isEqualTo(SignatureType.BLAKE2_ROLLSUM);
        assertThat(SignatureType.parse(" MD4-RabinKarp ")).isEqualTo(SignatureType.MD4_RABINKARP);
        assertThat(SignatureType.parse("md4-rollsum")).isEqualTo(SignatureType.MD4_ROLLSUM);
        for (SignatureType t : SignatureType.values()) {
            assertThat(SignatureType.parse(t.label())).isEqualTo(t);
            assertThat(SignatureType.of(t.hashName(), t.rollsumName())).isEqualTo(t);
        }
    }

    @Test
    void rejectsUnknownSignatureTypes() {
        for (String bad : new String[] {"blake2", "sha1-rollsum", "blake2-rabinkarp-x", "", null}) {
            assertThatThrownBy(() -> SignatureType.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(expected blake2-rabinkarp, blake2-rollsum, md4-rabinkarp, md4-rollsum)");
        }
    }

    @Test
    void namesTheUnknownAlgorithmAsRdiffDoes() {
        assertThat(SignatureType.ofAlgorithms("md4", "rollsum")).isEqualTo(SignatureType.MD4_ROLLSUM);
        assertThatThrownBy(() -> SignatureType.ofAlgorithms("sha1", "rollsum"))
                .hasMessage("unknown hash algorithm 'sha1'");
        assertThatThrownBy(() -> SignatureType.ofAlgorithms("md4", "adler"))
                .hasMessage("unknown rollsum algorithm 'adler'");
    }
}
