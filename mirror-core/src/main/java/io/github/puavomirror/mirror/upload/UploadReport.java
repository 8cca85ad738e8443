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
package io.github.puavomirror.mirror.upload;

import java.util.List;
import java.util.Locale;

/**
 * What {@link Upload} did, or in a dry run would do.
 *
 * @param destination   the destination as the user named it
 * @param actions       every change, in the order it was (or would be) made
 * @param filesSent     images and rdiffs sent
 * @param bytesSent     their bytes
 * @param filesSkipped  images and rdiffs already there with the same bytes
 * @param bytesSkipped  their bytes
 * @param filesDeleted  images and rdiffs deleted
 * @param bytesDeleted  their bytes
 * @param nanos         the whole run's time
 * @param dryRun        nothing was changed
 */
public record UploadReport(String destination, List<Action> actions, int filesSent, long bytesSent, int filesSkipped,
                           long bytesSkipped, int filesDeleted, long bytesDeleted, long nanos, boolean dryRun) {

    /** The kinds of change, in the order an upload makes them. */
    public enum Kind {
        /** A meta or CKSUMS rewritten without the files about to be replaced. */
        WITHDRAW("withdraw"),
        SEND("send"),
        META("meta"),
        CKSUMS("CKSUMS"),
        DELETE("delete");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One change: its kind, the path on the destination, and its bytes. */
    public record Action(Kind kind, String path, long bytes) {
        /** {@code send      rdiffs/x.rdiff  1234 bytes}. */
        public String line() {
            return String.format(Locale.ROOT, "%-8s  %s  %d bytes", kind.label(), path, bytes);
        }
    }

    public UploadReport {
        actions = List.copyOf(actions);
    }

    /** Whether the destination already was the local mirror. */
    public boolean upToDate() {
        return actions.isEmpty();
    }

    /** The closing line: counts, bytes, time and rate. */
    public String summaryLine() {
        if (upToDate()) {
            return destination + ": up to date, nothing " + (dryRun ? "would be " : "") + "sent ("
                    + filesSkipped + " files, " + bytesSkipped + " bytes already there)";
        }
        double seconds = nanos / 1e9;
        String verb = dryRun ? "would send " : "sent ";
        return destination + ": " + verb + filesSent + " files (" + bytesSent + " bytes), skipped " + filesSkipped
                + " (" + bytesSkipped + " bytes), " + (dryRun ? "would delete " : "deleted ") + filesDeleted + " ("
                + bytesDeleted + " bytes)" + (dryRun ? "; dry run: nothing was changed"
                : String.format(Locale.ROOT, " in %.1f s (%.1f MB/s)", seconds,
                seconds > 0 ? bytesSent / seconds / 1e6 : 0.0));
    }
}
