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
package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesConverterTest {
    private static final String A = "puavo-os-test-bookworm-2024-01-01-120000-amd64.img";
    private static final String B = "puavo-os-test-bookworm-2024-01-08-120000-amd64.img";
    private static final String C = "puavo-os-test-bookworm-2024-01-15-120000-amd64.img";

    @Test
    void keepsListOrderAndExtraRdiffs() throws Exception {
        Series s = new Series(" puavo-os-test-bookworm-amd64 ", List.of(C, B),
                List.of(new ExtraRdiff(B, List.of(A))));

        List<ImageSeries> out = SeriesConverter.convert(List.of(s));

        assertThat(out).hasSize(1);
        ImageSeries series = out.get(0);
        assertThat(series.name()).isEqualTo("puavo-os-test-bookworm-amd64");
        assertThat(series.images()).extracting(ImageName::fileName).containsExactly(C, B);
        assertThat(series.extraSourcesFor(ImageName.parse(B))).containsExactly(ImageName.parse(A));
    }

    @Test
    void noSeriesMeansDiscovery() throws Exception {
        assertThat(SeriesConverter.convert(null)).isEmpty();
        assertThat(SeriesConverter.convert(List.of())).isEmpty();
    }

    @Test
    void namesTheSeriesAtFault() {
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(new Series(null, List.of(A), List.of()))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("number 1 has no <name>");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(new Series("s", List.of(), List.of()))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("<series> s lists no images");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(new Series("s", List.of("notes.txt"), List.of()))))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<series> s: invalid image name \"notes.txt\"");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(new Series("s", List.of(A, A), List.of()))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("twice");
    }

    @Test
    void rejectsExtraRdiffMistakes() {
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(
                new Series("s", List.of(B), List.of(new ExtraRdiff(C, List.of(A)))))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("is not in the series' <images>");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(
                new Series("s", List.of(B), List.of(new ExtraRdiff(B, List.of()))))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("lists no <sources>");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(
                new Series("s", List.of(B), List.of(new ExtraRdiff(null, List.of(A)))))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("has no <target>");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(new Series("s", List.of(B, C),
                List.of(new ExtraRdiff(C, List.of(A)), new ExtraRdiff(C, List.of(B)))))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("two <extraRdiff> elements");
        assertThatThrownBy(() -> SeriesConverter.convert(List.of(
                new Series("s", List.of(B), List.of(new ExtraRdiff(B, List.of(B)))))))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("lists the image itself");
    }
}
