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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which rdiffs a series gets, in upstream's order.
 *
 * <p>As in upstream's {@code make-rdiffs}: the targets are the last {@code min(K, N)} images in list order
 * (not sorted). Each target gets an rdiff from every other listed image in list order, older and newer.
 * Then, for <em>any</em> listed image (upstream checks this outside the "last K" condition), its
 * {@code extra_rdiffs} sources are appended, and duplicates are removed keeping the first (Ruby {@code .uniq}).
 * {@code extra_rdiffs} entries for images that are not listed are ignored, as upstream does; they are
 * reported by {@link #unusedExtraRdiffTargets()} so the caller can warn.
 *
 * <p>{@link #pairs()} is ordered by target list position, then by diff order: the order of the meta
 * {@code diffs} and of the CKSUMS lines.
 */
public final class RdiffPlan {

    /** Upstream's fixed number of rdiff targets per series. */
    public static final int DEFAULT_TARGETS = 3;

    private final ImageSeries series;
    private final int targets;
    private final Map<ImageName, List<RdiffPair>> diffsByImage;
    private final List<RdiffPair> pairs;

    private RdiffPlan(ImageSeries series, int targets) {
        this.series = series;
        this.targets = targets;
        List<ImageName> images = series.images();
        int firstTarget = Math.max(0, images.size() - targets);
        Map<ImageName, List<RdiffPair>> byImage = new LinkedHashMap<>();
        List<RdiffPair> all = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageName target = images.get(i);
            Set<ImageName> sources = new LinkedHashSet<>();
            if (i >= firstTarget) {
                for (ImageName source : images) {
                    if (!source.equals(target)) {
                        sources.add(source);
                    }
                }
            }
            sources.addAll(series.extraSourcesFor(target));
            List<RdiffPair> diffs = sources.stream().map(source -> new RdiffPair(source, target)).toList();
            byImage.put(target, diffs);
            all.addAll(diffs);
        }
        this.diffsByImage = Collections.unmodifiableMap(byImage);
        this.pairs = List.copyOf(all);
    }

    /** The plan with upstream's {@value #DEFAULT_TARGETS} targets. */
    public static RdiffPlan of(ImageSeries series) {
        return of(series, DEFAULT_TARGETS);
    }

    /**
     * The plan with the last {@code targets} listed images as targets ({@code 0} leaves only extra rdiffs).
     *
     * @throws IllegalArgumentException if {@code targets} is negative
     */
    public static RdiffPlan of(ImageSeries series, int targets) {
        Objects.requireNonNull(series, "series");
        if (targets < 0) {
            throw new IllegalArgumentException("the number of rdiff targets must not be negative: " + targets);
        }
        return new RdiffPlan(series, targets);
    }

    /** The planned series. */
    public ImageSeries series() {
        return series;
    }

    /** The number of targets this plan was made with (K). */
    public int targets() {
        return targets;
    }

    /** Every rdiff, ordered by target list position, then diff order. */
    public List<RdiffPair> pairs() {
        return pairs;
    }

    /** The rdiffs into {@code image}, in meta {@code diffs} order; empty for an image that is no target. */
    public List<RdiffPair> diffsFor(ImageName image) {
        return diffsByImage.getOrDefault(image, List.of());
    }

    /** Each listed image with its rdiffs, in list order (images without rdiffs map to an empty list). */
    public Map<ImageName, List<RdiffPair>> diffsByImage() {
        return diffsByImage;
    }

    /** Every image that is the source of some rdiff, in first-use order: the signatures the job must compute. */
    public Set<ImageName> sources() {
        Set<ImageName> sources = new LinkedHashSet<>();
        pairs.forEach(pair -> sources.add(pair.source()));
        return Collections.unmodifiableSet(sources);
    }

    /** Sources that are not listed in the series: images the job must find elsewhere (extra_rdiffs only). */
    public Set<ImageName> unlistedSources() {
        Set<ImageName> unlisted = new LinkedHashSet<>(sources());
        series.images().forEach(unlisted::remove);
        return Collections.unmodifiableSet(unlisted);
    }

    /** {@code extra_rdiffs} targets that are not listed images and therefore produce nothing. */
    public List<ImageName> unusedExtraRdiffTargets() {
        return series.extraRdiffs().keySet().stream().filter(target -> !diffsByImage.containsKey(target)).toList();
    }
}
