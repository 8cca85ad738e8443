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

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Shared rules for names that become file names on the mirror, and quoting for one-line messages. */
public final class Names {

    private Names() {
    }

    /**
     * Returns why {@code name} is unsafe as a single path component of a published file, or empty if it is fine.
     * Whitespace, backslashes and leading dashes are rejected because the clients handle these names in shell,
     * awk and {@code cksum} output (GNU cksum prefixes names containing {@code \} with a backslash).
     */
    public static Optional<String> fileNameProblem(String name, int maxBytes) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (not encodable as UTF-8)");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("contains a control character");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("contains whitespace");
            }
            if (Character.getType(c) == Character.FORMAT) {
                return Optional.of("contains an invisible formatting character");
            }
            if (c == '/') {
                return Optional.of("contains '/'");
            }
            if (c == '\\') {
                return Optional.of("contains a backslash");
            }
        }
        if (name.charAt(0) == '.') {
            return Optional.of("starts with '.'");
        }
        if (name.charAt(0) == '-') {
            return Optional.of("starts with '-'");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            return Optional.of("is " + bytes + " bytes long, the limit is " + maxBytes);
        }
        return Optional.empty();
    }

    /** Quotes a value for an error message so that control characters cannot break the message onto two lines. */
    public static String quote(String value) {
        int shown = Math.min(value.length(), 120);
        StringBuilder sb = new StringBuilder(shown + 5).append('"');
        escape(value.substring(0, shown), true, sb);
        if (shown < value.length()) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }

    /**
     * {@code text} with control and invisible formatting characters written as {@code \\uXXXX}, as
     * {@link #quote} does, for lines that show names read from disk (a file name may hold a newline).
     */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        escape(text, false, sb);
        return sb.toString();
    }

    private static void escape(String value, boolean quoted, StringBuilder sb) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && (c == '"' || c == '\\')) {
                sb.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
    }
}
