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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The URL prefix under which the mirror is published ({@code -r/--repository}, upstream {@code images_urlbase}).
 * It is used only for the meta {@code urls}: {@code <base>/<img>} and {@code <base>/rdiffs/<rdiff>}.
 *
 * <p>Normalisation: a value without a scheme is taken as a host (optionally with port and path) and gets
 * {@code https://}, because bootservers force TLS and amxa's first default {@code images.amxa.ch} was meant
 * that way (upstream used it verbatim and produced scheme-less URLs); trailing slashes are dropped so URLs never
 * contain {@code //}. Rejected: empty values, whitespace, control characters, schemes other than http/https,
 * a missing or non-ASCII host, user info, query and fragment (bootservers request only the path). A path is
 * allowed, but laptops ignore {@code urls} and expect the mirror at the host root.
 */
public final class RepositoryUrl {

    /** Declared before DEFAULT, whose initialiser uses it. */
    private static final Pattern SCHEME = Pattern.compile("\\A[A-Za-z][A-Za-z0-9+.-]*://");

    /**
     * The default, amxa's {@code images.amxa.ch} normalised to {@code https://images.amxa.ch}. (Later amxa
     * versions defaulted to {@code https://cdn.amxa.ch}; puavo's own default is {@code https://cdn.puavo.org}.)
     */
    public static final RepositoryUrl DEFAULT = parse("images.amxa.ch");

    private final String base;

    private RepositoryUrl(String base) {
        this.base = base;
    }

    /**
     * Normalises a repository value.
     *
     * @throws IllegalArgumentException with a one-line reason if the value cannot be a mirror URL
     */
    public static RepositoryUrl parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw invalid(value, "is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw invalid(value, "contains a control character");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw invalid(value, "contains whitespace");
            }
        }
        String withScheme = SCHEME.matcher(value).lookingAt() ? value : "https://" + value;
        int end = withScheme.length();
        while (end > 0 && withScheme.charAt(end - 1) == '/') {
            end--;
        }
        String trimmed = withScheme.substring(0, end);
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(value, "is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(value, "must use https:// or http://, not " + uri.getScheme() + "://");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(value, "must not contain user info");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value, "must not contain '?' or '#'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(value, "has no valid host name (non-ASCII hosts must be given in punycode)");
        }
        return new RepositoryUrl(trimmed);
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException("invalid repository URL " + Names.quote(value) + ": " + reason);
    }

    /** The normalised base, without a trailing slash, e.g. {@code https://images.amxa.ch}. */
    public String base() {
        return base;
    }

    /** {@code <base>/<imageFileName>}, the image URL in the meta. */
    public String imageUrl(String imageFileName) {
        return base + "/" + imageFileName;
    }

    /** {@code <base>/rdiffs/<rdiffFileName>}, the rdiff URL in the meta. */
    public String rdiffUrl(String rdiffFileName) {
        return base + "/rdiffs/" + rdiffFileName;
    }

    /** {@code <base>/meta/<series>.json}, the URL to put into a bootserver's {@code puavo.image.series.urls}. */
    public String metaUrl(String seriesName) {
        return base + "/meta/" + seriesName + ".json";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepositoryUrl other && base.equals(other.base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    /** The normalised base. */
    @Override
    public String toString() {
        return base;
    }
}
