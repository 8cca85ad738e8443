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
