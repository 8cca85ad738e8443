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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageNameTest {

    private static final String A = "puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img";

    @Test
    void parsesTheParts() {
        ImageName name = ImageName.parse(A);
        assertThat(name.fileName()).isEqualTo(A);
        assertThat(name.prefix()).isEqualTo("puavo-os-amxa-bookworm");
        assertThat(name.stamp()).isEqualTo("2024-05-16-093000");
        assertThat(name.arch()).isEqualTo("amd64");
        assertThat(name.id()).isEqualTo("puavo-os-amxa-bookworm-2024-05-16-093000-amd64");
        assertThat(name.seriesName()).isEqualTo("puavo-os-amxa-bookworm-amd64");
        assertThat(name.dist()).isEqualTo("bookworm");
        assertThat(name.version()).isEqualTo("20240516093000");
        assertThat(name).hasToString(A).isEqualTo(ImageName.parse(A));
    }

    @Test
    void prefixIsLazySoTheFirstStampWins() {
        ImageName name = ImageName.parse("x-2021-01-01-000000-2022-02-02-111111-amd64.img");
        assertThat(name.prefix()).isEqualTo("x");
        assertThat(name.stamp()).isEqualTo("2021-01-01-000000");
        assertThat(name.arch()).isEqualTo("2022-02-02-111111-amd64");
        assertThat(name.dist()).isEqualTo("x");
    }

    @Test
    void allowsDashesInArchAndNonAsciiLetters() {
        ImageName name = ImageName.parse("puavo-os-schüle-bookworm-2024-01-01-000000-i386-pae.img");
        assertThat(name.arch()).isEqualTo("i386-pae");
        assertThat(name.prefix()).isEqualTo("puavo-os-schüle-bookworm");
        assertThat(name.seriesName()).isEqualTo("puavo-os-schüle-bookworm-i386-pae");
    }

    @Test
    void rdiffNameTakesPrefixAndArchFromTheSource() {
        ImageName source = ImageName.parse("puavo-os-amxa-buster-2021-04-13-192449-amd64.img");
        ImageName target = ImageName.parse("other-2021-04-13-193910-i386.img");
        assertThat(ImageName.rdiffName(source, target))
                .isEqualTo("puavo-os-amxa-buster-2021-04-13-192449--2021-04-13-193910-amd64.rdiff");
        assertThat(ImageName.rdiffVersion(source)).isEqualTo("20210413192449");
    }

    @Test
    void rdiffVersionAgreesWithUpstreamsRdiffRegex() {
        Pattern upstream = Pattern.compile("-(\\d+)-(\\d+)-(\\d+)-(\\d+)--.*\\.rdiff\\z");
        ImageName source = ImageName.parse("os9-v2-buster-2021-04-13-192449-amd64.img");
        ImageName target = ImageName.parse("os9-v2-buster-2022-01-01-000000-amd64.img");
        Matcher m = upstream.matcher(ImageName.rdiffName(source, target));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1) + m.group(2) + m.group(3) + m.group(4)).isEqualTo(ImageName.rdiffVersion(source));
    }

    @Test
    void ordersByStampThenName() {
        ImageName late = ImageName.parse("a-2024-01-02-000000-amd64.img");
        ImageName early = ImageName.parse("z-2024-01-01-000000-amd64.img");
        ImageName sameStampB = ImageName.parse("b-2024-01-01-000000-amd64.img");
        List<ImageName> names = new ArrayList<>(List.of(late, early, sameStampB));
        names.sort(null);
        assertThat(names).containsExactly(sameStampB, early, late);
        assertThat(sameStampB.compareTo(early)).isNegative();
        assertThat(sameStampB).isNotEqualTo(early);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|is empty",
        "puavo os-2024-01-01-000000-amd64.img|contains whitespace",
        "puavo\u00a0os-2024-01-01-000000-amd64.img|contains whitespace",
        "puavo\u0007-2024-01-01-000000-amd64.img|contains a control character",
        "puavo\u202e-2024-01-01-000000-amd64.img|contains an invisible formatting character",
        "../puavo-2024-01-01-000000-amd64.img|contains '/'",
        "dir/puavo-2024-01-01-000000-amd64.img|contains '/'",
        "a\\b-2024-01-01-000000-amd64.img|contains a backslash",
        ".hidden-2024-01-01-000000-amd64.img|starts with '.'",
        "--rf-2024-01-01-000000-amd64.img|starts with '-'",
        "puavo-2024-01-01-000000-amd64.iso|does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img",
        "puavo-2024-01-01-000000-amd64ximg|does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img",
        "puavo-2024-01-01-00000-amd64.img|does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img",
        "puavo-2024-01-01-000000.img|does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img",
        "puavo-2024-01-01-000000-.img|has an empty architecture",
        "os--2024-01-01-000000-amd64.img|has an empty distribution field (prefix ends with '-')",
        "os-1-2-3-4-x-2024-01-01-000000-amd64.img|has digit groups before the stamp, so upstream would give it version 1234 instead of 20240101000000",
        "os-2022-2024-01-01-000000-amd64.img|has digit groups before the stamp, so upstream would give it version 202220240101 instead of 20240101000000",
    })
    void rejectsWithAReason(String name, String reason) {
        assertThat(ImageName.problem(name)).contains(reason);
        assertThat(ImageName.tryParse(name)).isEmpty();
        assertThatThrownBy(() -> ImageName.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsLineBreaksThatRubysDollarWouldHaveAccepted() {
        assertThat(ImageName.problem("puavo-os-2024-01-01-000000-amd64.img\n")).contains("contains a control character");
        assertThat(ImageName.problem("x\npuavo-os-2024-01-01-000000-amd64.img")).contains("contains a control character");
    }

    @Test
    void rejectsAnEmptyPrefix() {
        // Starts with '-', so the safety rule fires before the pattern would report the empty prefix.
        assertThat(ImageName.problem("-2024-01-01-000000-amd64.img")).contains("starts with '-'");
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThat(ImageName.problem("os\ud800-2024-01-01-000000-amd64.img"))
                .contains("contains an unpaired surrogate (not encodable as UTF-8)");
        assertThat(ImageName.problem("os\ud83d\ude00-2024-01-01-000000-amd64.img")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {ImageName.MAX_BYTES, ImageName.MAX_BYTES + 1})
    void limitsTheLengthInUtf8Bytes(int bytes) {
        String suffix = "-2024-01-01-000000-amd64.img";
        String name = "p".repeat(bytes - suffix.length()) + suffix;
        if (bytes <= ImageName.MAX_BYTES) {
            assertThat(ImageName.problem(name)).isEmpty();
        } else {
            assertThat(ImageName.problem(name)).contains("is 201 bytes long, the limit is 200");
        }
        String twoByteChars = "ü".repeat(90) + suffix;
        assertThat(ImageName.problem(twoByteChars)).contains("is 208 bytes long, the limit is 200");
    }

    @Test
    void errorMessagesQuoteControlCharacters() {
        assertThatThrownBy(() -> ImageName.parse("bad\u0001\"name"))
                .hasMessage("invalid image name \"bad\\u0001\\\"name\": contains a control character");
    }

    @Test
    void rdiffNamesAreThoseRdiffNameMakes() {
        ImageName a = ImageName.parse("puavo-os-amxa-bookworm-2024-05-16-093000-amd64.img");
        ImageName b = ImageName.parse("puavo-os-amxa-bookworm-2024-06-01-120000-amd64.img");
        assertThat(ImageName.isRdiffName(ImageName.rdiffName(a, b))).isTrue();
        assertThat(ImageName.isRdiffName(ImageName.rdiffName(b, a))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stray.rdiff", "README.txt", "x.rdiff",
        "puavo-os-amxa-bookworm-2024-05-16-093000--2024-06-01-120000-amd64.rdiff.torrent",
        "puavo-os-amxa-bookworm-2024-05-16-093000-amd64.rdiff",
        "puavo-os-amxa-bookworm-2024-05-16-093000--2024-06-01-120000-.rdiff",
        ".puavo-os-amxa-bookworm-2024-05-16-093000--2024-06-01-120000-amd64.rdiff",
        "puavo os-2024-05-16-093000--2024-06-01-120000-amd64.rdiff",
        "a/b-2024-05-16-093000--2024-06-01-120000-amd64.rdiff"})
    void otherNamesAreNotRdiffNames(String name) {
        assertThat(ImageName.isRdiffName(name)).isFalse();
    }
}
