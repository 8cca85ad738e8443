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

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Compact JSON exactly as Ruby's {@code to_json} (json gem 2.x, the default generator state) writes it.
 *
 * <p>Jackson is not used for writing because its escaping differs: it writes other control characters as
 * {@code &#92;u001F} (uppercase hex), while the json gem writes {@code &#92;u001f}. The gem escapes only {@code "},
 * {@code \} and characters below U+0020 ({@code \b \f \n \r \t}, else {@code &#92;u00xx}); {@code /}, DEL, U+2028
 * and all other non-ASCII characters are written raw.
 */
final class RubyJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RubyJson() {
    }

    /** Appends {@code value} as a JSON string literal. Unpaired surrogates are rejected, as the gem rejects invalid UTF-8. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("string contains an unpaired surrogate, not valid UTF-8: "
                                + Names.quote(value));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Appends a parsed JSON value (as {@code JSON.parse} would have produced it) the way {@code to_json} writes it. */
    static void value(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, field.getKey());
                    out.append(':');
                    value(out, field.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> string(out, node.textValue());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.append(node.bigIntegerValue());
                } else {
                    out.append(rubyFloat(node.doubleValue()));
                }
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /**
     * Ruby's {@code Float#to_s}, which the gem uses for floats: the shortest digits that read back as the same
     * double; plain notation with at least one fraction digit when the decimal exponent is in [-4, 16),
     * otherwise {@code d.ddde+XX}. Infinity and NaN raise in the gem, so they are rejected here.
     */
    static String rubyFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(d + " is not allowed in JSON");
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestDecimal(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        // Strip zeros that the rounding may have left, so digits has no trailing zeros.
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int decpt = digits.length() - shortest.scale();
        digits = digits.substring(0, end);
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > 0 && decpt <= 16) {
            if (digits.length() <= decpt) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else if (decpt <= 0 && decpt > -4) {
            sb.append("0.").append("0".repeat(-decpt)).append(digits);
        } else {
            sb.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0");
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exp));
            sb.append(e.length() < 2 ? "0" + e : e);
        }
        return sb.toString();
    }

    /** The decimal with the fewest significant digits that rounds back to {@code d} (nearest one at that length). */
    private static BigDecimal shortestDecimal(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
