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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RubyJsonTest {

    /** Expected values are Ruby's Float#to_s. */
    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5",
        "100.0, 100.0",
        "0.0, 0.0",
        "-0.0, -0.0",
        "-2.5, -2.5",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "123456789.123, 123456789.123",
        "1e15, 1000000000000000.0",
        "1e16, 1.0e+16",
        "1.25e17, 1.25e+17",
        "1e20, 1.0e+20",
        "0.0001, 0.0001",
        "0.00012, 0.00012",
        "0.00001, 1.0e-05",
        "1.5e-7, 1.5e-07",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "4.9e-324, 5.0e-324",
    })
    void formatsFloatsLikeRuby(double value, String expected) {
        assertThat(RubyJson.rubyFloat(value)).isEqualTo(expected);
    }

    @Test
    void rejectsNonFiniteFloats() {
        assertThatThrownBy(() -> RubyJson.rubyFloat(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RubyJson.rubyFloat(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesOnlyWhatTheJsonGemEscapes() {
        StringBuilder sb = new StringBuilder();
        RubyJson.string(sb, "\u0000\u0008\u000b\u001b\"\\/<>&\u007f\u00e9\u2029");
        assertThat(sb).hasToString("\"\\u0000\\b\\u000b\\u001b\\\"\\\\/<>&\u007f\u00e9\u2029\"");
    }
}
