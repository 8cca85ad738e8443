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
package io.github.puavomirror.mirror.http;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentProxyTest {
    private static final Map<String, String> ENV = Map.of(
            "https_proxy", "http://proxy.example.org:3128/",
            "HTTP_PROXY", "plain.example.org",
            "no_proxy", "localhost, .internal.example, cdn.example.net");

    private static String chosen(String url) {
        Proxy p = new EnvironmentProxy(ENV).select(URI.create(url)).get(0);
        if (p.type() == Proxy.Type.DIRECT) {
            return "direct";
        }
        InetSocketAddress a = (InetSocketAddress) p.address();
        return a.getHostString() + ":" + a.getPort();
    }

    @Test
    void httpsAndHttpUseTheirOwnVariablesLowerCaseFirst() {
        assertThat(chosen("https://images.example.org/CKSUMS")).isEqualTo("proxy.example.org:3128");
        assertThat(chosen("http://images.example.org/CKSUMS")).isEqualTo("plain.example.org:80");
    }

    @Test
    void noProxyMatchesHostsAndTheirSubdomains() {
        assertThat(chosen("https://localhost:8443/")).isEqualTo("direct");
        assertThat(chosen("https://a.internal.example/")).isEqualTo("direct");
        assertThat(chosen("https://internal.example/")).isEqualTo("direct");
        assertThat(chosen("https://cdn.example.net/")).isEqualTo("direct");
        assertThat(chosen("https://edge.cdn.example.net/")).isEqualTo("direct");
        assertThat(chosen("https://notcdn.example.net/")).isEqualTo("proxy.example.org:3128");
    }

    @Test
    void withoutVariablesEverythingIsDirect() {
        assertThat(new EnvironmentProxy(Map.of()).select(URI.create("https://x.example/")).get(0))
                .isEqualTo(Proxy.NO_PROXY);
    }
}
