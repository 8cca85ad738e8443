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
package io.github.puavomirror.cli.rdiff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** popt's strtol(…, 0) rules, as rdiff 2.3.2 showed them. */
class PoptNumbersTest {
    @Test
    void acceptsWhatStrtolAccepts() throws Exception {
        assertThat(PoptNumbers.parse(null, 7)).isEqualTo(7);
        assertThat(PoptNumbers.parse("", 7)).isZero();
        assertThat(PoptNumbers.parse("128", 0)).isEqualTo(128);
        assertThat(PoptNumbers.parse("0x80", 0)).isEqualTo(128);
        assertThat(PoptNumbers.parse("010", 0)).isEqualTo(8);
        assertThat(PoptNumbers.parse(" 12", 0)).isEqualTo(12);
        assertThat(PoptNumbers.parse("+64", 0)).isEqualTo(64);
        assertThat(PoptNumbers.parse("-1", 0)).isEqualTo(-1);
        assertThat(PoptNumbers.parse("0", 0)).isZero();
        assertThat(PoptNumbers.parse("2147483647", 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rejectsWithPoptsWords() {
        for (String bad : new String[] {"x", "12abc", "08", "0x", " ", "+", "12 "}) {
            assertThatThrownBy(() -> PoptNumbers.parse(bad, 0)).hasMessage("invalid numeric value: " + bad);
        }
        for (String big : new String[] {"99999999999", "4294967296", "2147483648", "-2147483649"}) {
            assertThatThrownBy(() -> PoptNumbers.parse(big, 0)).hasMessage("number too large or too small: " + big);
        }
    }
}
