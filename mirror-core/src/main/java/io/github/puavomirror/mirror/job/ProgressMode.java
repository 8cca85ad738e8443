package io.github.puavomirror.mirror.job;

import java.util.Locale;

/**
 * How a front end shows the progress of a running operation, one vocabulary for all of them:
 * a redrawn bar on a terminal, a line every few seconds in a log ({@link ProgressLines}), or
 * nothing but the steps' results. Build logs (Maven, Ant) cannot redraw, so they show
 * {@code bar} as lines.
 */
public enum ProgressMode {
    /** A bar on a terminal, else lines. */
    AUTO,
    BAR,
    LINES,
    NONE;

    /** The name users type: {@code auto}, {@code bar}, {@code lines} or {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode {@code text} names, in any letter case; null means {@link #AUTO}.
     *
     * @throws MirrorException a usage error naming {@link JobParameter#PROGRESS}
     */
    public static ProgressMode parse(String text) throws MirrorException {
        if (text == null) {
            return AUTO;
        }
        for (ProgressMode m : values()) {
            if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw MirrorException.usage(InvalidParameterException.of(JobParameter.PROGRESS,
                "unknown progress '" + text + "' (expected auto, bar, lines or none)"));
    }
}
