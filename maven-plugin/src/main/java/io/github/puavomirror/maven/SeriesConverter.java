package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.job.SeriesDeclaration;
import org.apache.maven.plugin.MojoFailureException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the pom's {@code <series>} elements into the core's series by the rules the Ant task
 * shares ({@link SeriesDeclaration}), naming the element at fault.
 */
final class SeriesConverter {
    private SeriesConverter() {
    }

    static List<ImageSeries> convert(List<Series> configured) throws MojoFailureException {
        List<ImageSeries> out = new ArrayList<>();
        if (configured == null) {
            return out;
        }
        for (int i = 0; i < configured.size(); i++) {
            Series s = configured.get(i);
            try {
                out.add(s == null ? SeriesDeclaration.parse(i + 1, null, null, null)
                        : SeriesDeclaration.parse(i + 1, s.getName(), s.getImages(), extraRdiffs(s)));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<SeriesDeclaration.ExtraRdiff> extraRdiffs(Series s) {
        List<SeriesDeclaration.ExtraRdiff> out = new ArrayList<>();
        if (s.getExtraRdiffs() != null) {
            for (ExtraRdiff e : s.getExtraRdiffs()) {
                out.add(e == null ? null : new SeriesDeclaration.ExtraRdiff(e.getTarget(), e.getSources()));
            }
        }
        return out;
    }
}
