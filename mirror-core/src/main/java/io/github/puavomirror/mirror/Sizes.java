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

import java.util.Locale;

/** Human-readable byte counts, rates and durations for progress and summaries, the same in every front end. */
public final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /**
     * Binary units with three significant digits at most: {@code 606 B}, {@code 3.9 KiB},
     * {@code 12.3 MiB}, {@code 606 KiB}.
     */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        // 1023.95 KiB would print as "1024 KiB": step up instead.
        if (v >= 1023.5 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        String number = v < 99.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
        return number + " " + UNITS[unit];
    }

    /** {@code bytes} per second over {@code nanos}, e.g. {@code 12.3 MiB/s}; empty when no time passed. */
    public static String rate(long bytes, long nanos) {
        if (nanos <= 0) {
            return "";
        }
        return bytes((long) (bytes * 1e9 / nanos)) + "/s";
    }

    /** {@code 0.4 s}, {@code 12.3 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(long nanos) {
        double seconds = Math.max(0, nanos) / 1e9;
        if (seconds < 59.95) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole / 60 % 60);
    }
}
