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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy that {@code https_proxy}, {@code http_proxy} and {@code no_proxy} choose, as wget and
 * curl read them (lower case first, then upper case): the JDK itself only reads system
 * properties, and cron jobs behind a proxy set the environment.
 */
final class EnvironmentProxy extends ProxySelector {
    private final Proxy https;
    private final Proxy http;
    private final List<String> noProxy = new ArrayList<>();

    EnvironmentProxy(Map<String, String> env) {
        https = proxy(variable(env, "https_proxy"));
        http = proxy(variable(env, "http_proxy"));
        String list = variable(env, "no_proxy");
        if (list != null) {
            for (String entry : list.split(",")) {
                String e = entry.trim().toLowerCase(Locale.ROOT);
                if (!e.isEmpty()) {
                    noProxy.add(e.startsWith("*.") ? e.substring(1) : e);
                }
            }
        }
    }

    private static String variable(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = env.get(name.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** {@code host:port} or {@code http://host:port/}; without a port, 80. */
    private static Proxy proxy(String value) {
        if (value == null) {
            return null;
        }
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy " + value + " has no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    @Override
    public List<Proxy> select(URI uri) {
        Proxy chosen = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (chosen == null || bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(chosen);
    }

    private boolean bypassed(String host) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String e : noProxy) {
            if (e.equals("*") || h.equals(e) || h.equals(e.startsWith(".") ? e.substring(1) : e)
                    || h.endsWith(e.startsWith(".") ? e : "." + e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The request's own error names the URL; nothing to switch to.
    }
}
