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
package io.github.puavomirror.cli.rdiff;

import java.math.BigInteger;

/**
 * rdiff's integer option values: popt parses them with {@code strtol(s, &end, 0)}, so {@code 0x80}
 * is hex, {@code 010} octal, leading blanks and a sign are allowed, the empty string is 0, and
 * anything outside {@code int} is rejected.
 */
final class PoptNumbers {
    private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private PoptNumbers() {
    }

    /** Thrown with popt's wording: the caller adds the command and exits with a syntax error. */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber(String message) {
            super(message);
        }
    }

    /** Parses {@code text}; null (option not given) is {@code dflt}. */
    static int parse(String text, int dflt) throws BadNumber {
        if (text == null) {
            return dflt;
        }
        if (text.isEmpty()) {
            return 0;
        }
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            if (i + 2 < text.length() && Character.digit(text.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (text.startsWith("0", i)) {
            radix = 8;
        }
        int start = i;
        while (i < text.length() && Character.digit(text.charAt(i), radix) >= 0 && text.charAt(i) < 0x80) {
            i++;
        }
        if (i == start || i != text.length()) {
            throw new BadNumber("invalid numeric value: " + text);
        }
        BigInteger value = new BigInteger(text.substring(start, i), radix);
        if (negative) {
            value = value.negate();
        }
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new BadNumber("number too large or too small: " + text);
        }
        return value.intValue();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
