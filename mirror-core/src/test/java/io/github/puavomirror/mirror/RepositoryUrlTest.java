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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryUrlTest {

    @ParameterizedTest
    @CsvSource({
        "images.amxa.ch, https://images.amxa.ch",
        "images.amxa.ch/, https://images.amxa.ch",
        "https://cdn.amxa.ch, https://cdn.amxa.ch",
        "https://cdn.amxa.ch//, https://cdn.amxa.ch",
        "http://localhost:8080/mirror/, http://localhost:8080/mirror",
        "HTTPS://Example.org, HTTPS://Example.org",
        "10.0.0.1:8443, https://10.0.0.1:8443",
    })
    void normalises(String input, String expected) {
        assertThat(RepositoryUrl.parse(input).base()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|is empty",
        "images amxa.ch|contains whitespace",
        "https://x.ch/\tmirror|contains a control character",
        "ftp://x.ch|must use https:// or http://, not ftp://",
        "https://|is not a valid URL (Expected scheme-specific part)",
        "https://user@x.ch|must not contain user info",
        "https://x.ch/?a=b|must not contain '?' or '#'",
        "https://x.ch#frag|must not contain '?' or '#'",
        "https://bücher.ch|has no valid host name (non-ASCII hosts must be given in punycode)",
    })
    void rejectsWithAReason(String input, String reason) {
        assertThatThrownBy(() -> RepositoryUrl.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(": " + reason)
                .hasMessageNotContaining("\n");
    }

    @Test
    void buildsTheMetaUrls() {
        RepositoryUrl url = RepositoryUrl.parse("cdn.amxa.ch/");
        assertThat(url.imageUrl("a.img")).isEqualTo("https://cdn.amxa.ch/a.img");
        assertThat(url.rdiffUrl("a.rdiff")).isEqualTo("https://cdn.amxa.ch/rdiffs/a.rdiff");
        assertThat(url.metaUrl("s")).isEqualTo("https://cdn.amxa.ch/meta/s.json");
        assertThat(url).hasToString("https://cdn.amxa.ch").isEqualTo(RepositoryUrl.parse("https://cdn.amxa.ch"));
    }

    @Test
    void defaultIsTheNormalisedOldAmxaHost() {
        assertThat(RepositoryUrl.DEFAULT.base()).isEqualTo("https://images.amxa.ch");
    }
}
