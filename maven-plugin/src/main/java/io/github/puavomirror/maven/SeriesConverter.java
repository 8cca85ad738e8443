package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import org.apache.maven.plugin.MojoFailureException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the pom's {@code <series>} elements into the core's series, naming the element at fault. */
final class SeriesConverter {
    private SeriesConverter() {
    }

    static List<ImageSeries> convert(List<Series> configured) throws MojoFailureException {
        List<ImageSeries> out = new ArrayList<>();
        if (configured == null) {
            return out;
        }
        for (int i = 0; i < configured.size(); i++) {
            out.add(convert(configured.get(i), i + 1));
        }
        return out;
    }

    private static ImageSeries convert(Series s, int position) throws MojoFailureException {
        if (s == null || s.getName() == null || s.getName().isBlank()) {
            throw new MojoFailureException("<series> number " + position + " has no <name>: give each series the"
                    + " name of its meta file, e.g. <name>puavo-os-amxa-bookworm-amd64</name>");
        }
        String name = s.getName().strip();
        String where = "<series> " + name;
        List<String> names = s.getImages() == null ? List.of() : s.getImages();
        if (names.isEmpty()) {
            throw new MojoFailureException(where + " lists no images: add <images><image>NAME.img</image></images>");
        }
        List<ImageName> images = new ArrayList<>();
        for (String image : names) {
            images.add(image(where, image));
        }
        Map<ImageName, List<ImageName>> extras = new LinkedHashMap<>();
        List<ExtraRdiff> configuredExtras = s.getExtraRdiffs() == null ? List.of() : s.getExtraRdiffs();
        for (ExtraRdiff extra : configuredExtras) {
            if (extra == null || extra.getTarget() == null || extra.getTarget().isBlank()) {
                throw new MojoFailureException(where + ": an <extraRdiff> has no <target>");
            }
            ImageName target = image(where + " <extraRdiff>", extra.getTarget());
            if (!images.contains(target)) {
                throw new MojoFailureException(where + ": <extraRdiff> target " + target
                        + " is not in the series' <images>; only listed images get rdiffs");
            }
            List<String> sourceNames = extra.getSources() == null ? List.of() : extra.getSources();
            if (sourceNames.isEmpty()) {
                throw new MojoFailureException(where + ": <extraRdiff> for " + target + " lists no <sources>");
            }
            List<ImageName> sources = new ArrayList<>();
            for (String source : sourceNames) {
                sources.add(image(where + " <extraRdiff> for " + target, source));
            }
            if (extras.put(target, sources) != null) {
                throw new MojoFailureException(where + ": two <extraRdiff> elements have target " + target
                        + "; list all its sources in one");
            }
        }
        try {
            return new ImageSeries(name, images, extras);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(where + ": " + e.getMessage(), e);
        }
    }

    private static ImageName image(String where, String fileName) throws MojoFailureException {
        if (fileName == null || fileName.isBlank()) {
            throw new MojoFailureException(where + " has an empty image name");
        }
        try {
            return ImageName.parse(fileName.strip());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(where + ": " + e.getMessage(), e);
        }
    }
}
