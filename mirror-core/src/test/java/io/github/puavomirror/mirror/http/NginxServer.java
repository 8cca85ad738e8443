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

import io.github.puavomirror.mirror.ExternalTools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's nginx serving a folder on 127.0.0.1 and a free port, with its configuration, pid,
 * logs and temporary folders under a test folder; one process ({@code master_process off}), so
 * it needs no user switch. The access log has one line per request:
 * {@code METHOD URI STATUS RANGE}.
 */
public final class NginxServer implements AutoCloseable {
    private final Process process;
    private final Path work;
    private final int port;
    private final boolean tls;

    private NginxServer(Process process, Path work, int port, boolean tls) {
        this.process = process;
        this.work = work;
        this.port = port;
        this.tls = tls;
    }

    /** Serves {@code root} over HTTP; {@code serverDirectives} go into the server block (locations, limits). */
    public static NginxServer start(Path root, Path work, String serverDirectives) throws IOException, InterruptedException {
        return start(root, work, serverDirectives, null, null);
    }

    /** Serves over HTTPS with the given PEM certificate chain and key when both are given. */
    public static NginxServer start(Path root, Path work, String serverDirectives, Path certificate, Path key)
            throws IOException, InterruptedException {
        ExternalTools.require("nginx");
        Files.createDirectories(work.resolve("tmp"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        boolean tls = certificate != null;
        String conf = "daemon off;\nmaster_process off;\nworker_processes 1;\n"
                + "pid " + work.resolve("nginx.pid") + ";\n"
                + "error_log " + work.resolve("error.log") + " warn;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "  default_type application/octet-stream;\n"
                + "  types { application/json json; }\n"
                + "  log_format tests '$request_method $uri $status \"$http_range\"';\n"
                + "  access_log " + work.resolve("access.log") + " tests;\n"
                + "  client_body_temp_path " + work.resolve("tmp/body") + ";\n"
                + "  proxy_temp_path " + work.resolve("tmp/proxy") + ";\n"
                + "  fastcgi_temp_path " + work.resolve("tmp/fastcgi") + ";\n"
                + "  uwsgi_temp_path " + work.resolve("tmp/uwsgi") + ";\n"
                + "  scgi_temp_path " + work.resolve("tmp/scgi") + ";\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + (tls ? " ssl" : "") + ";\n"
                + (tls ? "    ssl_certificate " + certificate + ";\n    ssl_certificate_key " + key + ";\n" : "")
                + "    root " + root.toAbsolutePath() + ";\n"
                + (serverDirectives == null ? "" : serverDirectives + "\n")
                + "  }\n"
                + "}\n";
        Path confFile = work.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder("nginx", "-p", work + "/", "-e", work.resolve("error.log").toString(), "-c",
                confFile.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        NginxServer server = new NginxServer(p, work, port, tls);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(work.resolve("stdout.log"))
                        + (Files.exists(work.resolve("error.log")) ? Files.readString(work.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(25);
            }
        }
        close();
        throw new IOException("nginx did not start listening on port " + port);
    }

    public int port() {
        return port;
    }

    /** {@code http(s)://127.0.0.1:PORT/}. */
    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port + "/";
    }

    /** The requests served so far, one {@code METHOD URI STATUS "RANGE"} line each. */
    public List<String> requests() throws IOException {
        Path log = work.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
