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
package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesDeclarationTest {
    private static final String A = "puavo-os-test-bookworm-2024-01-01-120000-amd64.img";
    private static final String B = "puavo-os-test-bookworm-2024-01-08-120000-amd64.img";

    @Test
    void stripsNamesAndKeepsListOrder() {
        ImageSeries s = SeriesDeclaration.parse(1, " s ", List.of(B, " " + A + " "),
                List.of(new SeriesDeclaration.ExtraRdiff(B, List.of(A))));
        assertThat(s.name()).isEqualTo("s");
        assertThat(s.images()).extracting(ImageName::fileName).containsExactly(B, A);
        assertThat(s.extraSourcesFor(ImageName.parse(B))).containsExactly(ImageName.parse(A));
    }

    @Test
    void namesTheElementAtFault() {
        assertThatThrownBy(() -> SeriesDeclaration.parse(2, " ", List.of(A), null))
                .hasMessageStartingWith("<series> number 2 has no <name>");
        assertThatThrownBy(() -> SeriesDeclaration.parse(1, "s", List.of(A, "x.img"), null))
                .hasMessageStartingWith("<series> s: ").hasMessageContaining("x.img");
        assertThatThrownBy(() -> SeriesDeclaration.parse(1, "s", List.of(A),
                List.of(new SeriesDeclaration.ExtraRdiff(B, List.of(A)))))
                .hasMessageContaining("is not in the series' <images>");
        assertThatThrownBy(() -> SeriesDeclaration.parse(1, "s", List.of(A, B),
                List.of(new SeriesDeclaration.ExtraRdiff(B, List.of(B)))))
                .hasMessageStartingWith("<series> s: ").hasMessageContaining("lists the image itself");
    }
}
