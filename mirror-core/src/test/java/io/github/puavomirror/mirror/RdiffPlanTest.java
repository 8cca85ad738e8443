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

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RdiffPlanTest {

    static final ImageName A = img("2022-01-01-000000");
    static final ImageName B = img("2022-01-02-000000");
    static final ImageName C = img("2022-01-03-000000");
    static final ImageName D = img("2022-01-04-000000");
    static final ImageName E = img("2022-01-05-000000");
    static final ImageName OUTSIDE = img("2021-06-01-000000");

    static ImageName img(String stamp) {
        return ImageName.parse("puavo-os-amxa-bookworm-" + stamp + "-amd64.img");
    }

    /** "C<-A" style labels by stamp day, to compare plans compactly. */
    private static List<String> labels(List<RdiffPair> pairs) {
        return pairs.stream().map(p -> label(p.target()) + "<-" + label(p.source())).toList();
    }

    private static String label(ImageName image) {
        return switch (image.stamp()) {
            case "2022-01-01-000000" -> "A";
            case "2022-01-02-000000" -> "B";
            case "2022-01-03-000000" -> "C";
            case "2022-01-04-000000" -> "D";
            case "2022-01-05-000000" -> "E";
            default -> "X";
        };
    }

    private static RdiffPlan plan(ImageName... images) {
        return RdiffPlan.of(new ImageSeries("s", List.of(images)));
    }

    @Test
    void oneImageHasNoRdiffs() {
        RdiffPlan plan = plan(A);
        assertThat(plan.pairs()).isEmpty();
        assertThat(plan.diffsFor(A)).isEmpty();
        assertThat(plan.diffsByImage()).containsExactly(Map.entry(A, List.of()));
    }

    @Test
    void twoImagesGetBothDirections() {
        assertThat(labels(plan(A, B).pairs())).containsExactly("A<-B", "B<-A");
    }

    @Test
    void threeImagesAreAllTargets() {
        assertThat(labels(plan(A, B, C).pairs())).containsExactly("A<-B", "A<-C", "B<-A", "B<-C", "C<-A", "C<-B");
    }

    @Test
    void fiveImagesGiveTwelveRdiffsInTheSpecsOrder() {
        RdiffPlan plan = plan(A, B, C, D, E);
        assertThat(labels(plan.pairs())).containsExactly(
                "C<-A", "C<-B", "C<-D", "C<-E",
                "D<-A", "D<-B", "D<-C", "D<-E",
                "E<-A", "E<-B", "E<-C", "E<-D");
        assertThat(plan.diffsFor(A)).isEmpty();
        assertThat(plan.diffsFor(B)).isEmpty();
        assertThat(labels(plan.diffsFor(D))).containsExactly("D<-A", "D<-B", "D<-C", "D<-E");
        assertThat(plan.sources()).containsExactly(A, B, D, E, C);
        assertThat(plan.pairs().get(0).rdiffName())
                .isEqualTo("puavo-os-amxa-bookworm-2022-01-01-000000--2022-01-03-000000-amd64.rdiff");
        assertThat(plan.pairs().get(0).version()).isEqualTo("20220101000000");
    }

    @Test
    void targetsFollowListOrderNotStamps() {
        assertThat(labels(plan(E, D, A, C).pairs())).containsExactly(
                "D<-E", "D<-A", "D<-C", "A<-E", "A<-D", "A<-C", "C<-E", "C<-D", "C<-A");
    }

    @Test
    void theNumberOfTargetsIsConfigurable() {
        ImageSeries series = new ImageSeries("s", List.of(A, B, C, D, E));
        assertThat(labels(RdiffPlan.of(series, 1).pairs())).containsExactly("E<-A", "E<-B", "E<-C", "E<-D");
        assertThat(RdiffPlan.of(series, 9).pairs()).hasSize(20);
        assertThat(RdiffPlan.of(series, 0).pairs()).isEmpty();
        assertThat(RdiffPlan.of(series).targets()).isEqualTo(RdiffPlan.DEFAULT_TARGETS);
        assertThatThrownBy(() -> RdiffPlan.of(series, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraRdiffsFollowAndAreDeduplicated() {
        ImageSeries series = new ImageSeries("s", List.of(A, B, C, D, E), Map.of(
                E, List.of(OUTSIDE, A, OUTSIDE, C)));
        RdiffPlan plan = RdiffPlan.of(series);
        assertThat(labels(plan.diffsFor(E))).containsExactly("E<-A", "E<-B", "E<-C", "E<-D", "E<-X");
        assertThat(plan.pairs()).hasSize(13);
        assertThat(plan.unlistedSources()).containsExactly(OUTSIDE);
    }

    @Test
    void extraRdiffsApplyToImagesBeforeTheLastThreeToo() {
        ImageSeries series = new ImageSeries("s", List.of(A, B, C, D, E), Map.of(A, List.of(OUTSIDE, E)));
        RdiffPlan plan = RdiffPlan.of(series);
        assertThat(labels(plan.diffsFor(A))).containsExactly("A<-X", "A<-E");
        assertThat(labels(plan.pairs().subList(0, 2))).containsExactly("A<-X", "A<-E");
        assertThat(plan.pairs()).hasSize(14);
    }

    @Test
    void extraRdiffsForUnlistedTargetsAreReportedNotPlanned() {
        ImageSeries series = new ImageSeries("s", List.of(A, B), Map.of(OUTSIDE, List.of(A)));
        RdiffPlan plan = RdiffPlan.of(series);
        assertThat(labels(plan.pairs())).containsExactly("A<-B", "B<-A");
        assertThat(plan.unusedExtraRdiffTargets()).containsExactly(OUTSIDE);
    }

    @Test
    void keepNewestRetainsTheNewestInListOrder() {
        ImageSeries series = new ImageSeries("s", List.of(E, A, C, B, D), Map.of(A, List.of(OUTSIDE), D, List.of(A)));
        ImageSeries kept = series.keepNewest(3);
        assertThat(kept.images()).containsExactly(E, C, D);
        assertThat(kept.extraRdiffs()).containsExactly(Map.entry(D, List.of(A)));
        assertThat(series.keepNewest(5)).isSameAs(series);
        assertThat(series.keepNewest(0).images()).isEmpty();
        assertThatThrownBy(() -> series.keepNewest(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPairNeedsTwoImages() {
        assertThatThrownBy(() -> new RdiffPair(A, A)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Stream.of(new RdiffPair(A, B), new RdiffPair(B, A)).map(RdiffPair::rdiffName)).doesNotHaveDuplicates();
    }
}
