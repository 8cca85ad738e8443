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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CksumsFileTest {

    private static final ImageName A = ImageName.parse("puavo-os-amxa-buster-2022-01-17-120001-amd64.img");
    private static final ImageName B = ImageName.parse("puavo-os-amxa-buster-2022-01-20-173248-amd64.img");

    private static Checksums sums(long size, long cksum) {
        return new Checksums(size, cksum, "0".repeat(64), "0".repeat(128));
    }

    /** The example values and order of docs/mirror-layout.md §6. */
    private static final String SPEC_EXAMPLE = """
            3735122407 200000 puavo-os-amxa-buster-2022-01-17-120001-amd64.img
            1305040718 2408 puavo-os-amxa-buster-2022-01-20-173248--2022-01-17-120001-amd64.rdiff
            3101177326 200007 puavo-os-amxa-buster-2022-01-20-173248-amd64.img
            3903239626 2416 puavo-os-amxa-buster-2022-01-17-120001--2022-01-20-173248-amd64.rdiff
            """;

    private static final Map<String, Checksums> SUMS = Map.of(
            A.fileName(), sums(200000, 3735122407L),
            "puavo-os-amxa-buster-2022-01-20-173248--2022-01-17-120001-amd64.rdiff", sums(2408, 1305040718L),
            B.fileName(), sums(200007, 3101177326L),
            "puavo-os-amxa-buster-2022-01-17-120001--2022-01-20-173248-amd64.rdiff", sums(2416, 3903239626L));

    @Test
    void formatsTheSpecExampleInUpstreamOrder() {
        RdiffPlan plan = RdiffPlan.of(new ImageSeries("puavo-os-amxa-buster-amd64", List.of(A, B)));
        String text = CksumsFile.format(CksumsFile.entries(List.of(plan), SUMS::get));
        assertThat(text).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void listsFilesOfEverySeriesWithoutDeduplication() {
        RdiffPlan first = RdiffPlan.of(new ImageSeries("s1", List.of(A, B)));
        RdiffPlan second = RdiffPlan.of(new ImageSeries("s2", List.of(B)));
        assertThat(CksumsFile.fileOrder(List.of(first, second))).containsExactly(
                A.fileName(),
                "puavo-os-amxa-buster-2022-01-20-173248--2022-01-17-120001-amd64.rdiff",
                B.fileName(),
                "puavo-os-amxa-buster-2022-01-17-120001--2022-01-20-173248-amd64.rdiff",
                B.fileName());
    }

    @Test
    void parsesWhatItFormats(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("CKSUMS");
        RdiffPlan plan = RdiffPlan.of(new ImageSeries("s", List.of(A, B)));
        List<CksumsFile.Entry> entries = CksumsFile.entries(List.of(plan), SUMS::get);
        AtomicFiles.write(file, CksumsFile.toBytes(entries));
        assertThat(Files.readString(file)).isEqualTo(SPEC_EXAMPLE);
        assertThat(CksumsFile.read(file)).isEqualTo(entries);
        assertThat(entries.get(0)).isEqualTo(new CksumsFile.Entry(3735122407L, 200000, A.fileName()));
        assertThat(CksumsFile.parse("", "CKSUMS")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 2 a|CKSUMS: last line has no newline",
        "1 2  a\\n|CKSUMS: line 1: invalid file name \" a\": contains whitespace",
        "1 2 a\\n\\n|CKSUMS: line 2: expected \"<cksum> <size> <name>\", found \"\"",
        "01 2 a\\n|CKSUMS: line 1: expected \"<cksum> <size> <name>\", found \"01 2 a\"",
        "4294967296 2 a\\n|CKSUMS: line 1: cksum out of range: 4294967296",
        "1 2 rdiffs/a\\n|CKSUMS: line 1: invalid file name \"rdiffs/a\": contains '/'",
        "1 2 a\\r\\n|CKSUMS: line 1: expected \"<cksum> <size> <name>\", found \"1 2 a\\u000d\"",
    })
    void rejectsMalformedLines(String text, String message) {
        String unescaped = text.replace("\\n", "\n").replace("\\r", "\r");
        assertThatThrownBy(() -> CksumsFile.parse(unescaped, "CKSUMS"))
                .isInstanceOf(MirrorFormatException.class)
                .hasMessage(message);
    }
}
