package io.github.puavomirror.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <extraRdiff>} of a series: bookworm's {@code extra_rdiffs} entry. The target is a
 * listed image; the sources may be any images in the image directory, also unlisted ones.
 */
public class ExtraRdiff {
    /** The image file name the rdiffs lead to. */
    private String target;

    /** Image file names the rdiffs start from. */
    private List<String> sources = new ArrayList<>();

    public ExtraRdiff() {
    }

    ExtraRdiff(String target, List<String> sources) {
        this.target = target;
        this.sources = sources;
    }

    public String getTarget() {
        return target;
    }

    public List<String> getSources() {
        return sources;
    }
}
