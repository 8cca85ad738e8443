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

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** rs_format_stats's layout, from rdiff 2.3.2 output. */
class StatsFormatTest {
    @Test
    void literalOnlyKeepsLibrsyncsDoubleSpace() {
        StatsFormat.Counts c = new StatsFormat.Counts("delta", 1, 5000, 3, 0, 0, 0, 0, 0, 5000, 5008);
        assertThat(StatsFormat.line(c, 0)).isEqualTo("librsync: delta statistics: literal[1 cmds, 5000 bytes, 3 cmdbytes]"
                + "  speed[0.0 MB (0.0 MB/s) in, 0.0 MB (0.0 MB/s) out, 1 sec]");
    }

    @Test
    void signatureAndEmptyLines() {
        assertThat(StatsFormat.line(StatsFormat.Counts.signature("loadsig", 187500, 16, 6_750_012, 0), 1))
                .isEqualTo("librsync: loadsig statistics: signature[187500 blocks, 16 bytes per block]"
                        + " speed[6.8 MB (6.8 MB/s) in, 0.0 MB (0.0 MB/s) out, 1 sec]");
        assertThat(StatsFormat.line(StatsFormat.Counts.signature("signature", 0, 0, 0, 12), 0))
                .isEqualTo("librsync: signature statistics:  speed[0.0 MB (0.0 MB/s) in, 0.0 MB (0.0 MB/s) out, 1 sec]");
    }

    @Test
    void roundsLikePrintfInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("fi", "FI"));
            assertThat(StatsFormat.oneDecimal(0.25)).isEqualTo("0.2");
            assertThat(StatsFormat.oneDecimal(0.35)).isEqualTo("0.3");
            assertThat(StatsFormat.oneDecimal(2.0)).isEqualTo("2.0");
            assertThat(StatsFormat.oneDecimal(6.750012)).isEqualTo("6.8");
        } finally {
            Locale.setDefault(before);
        }
    }
}
