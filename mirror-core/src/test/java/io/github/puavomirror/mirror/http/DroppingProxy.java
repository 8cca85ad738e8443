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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of a server on 127.0.0.1 that cuts the first connection asking for
 * {@code path} after {@code cutAfter} bytes of the answer: a connection dropped in the middle
 * of a download.
 */
public final class DroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final String path;
    private final long cutAfter;
    private final AtomicBoolean cut = new AtomicBoolean();

    public DroppingProxy(int target, String path, long cutAfter) throws IOException {
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.target = target;
        this.path = path;
        this.cutAfter = cutAfter;
        Thread t = new Thread(this::accept, "dropping-proxy");
        t.setDaemon(true);
        t.start();
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    /** Whether a connection has been cut. */
    public boolean didCut() {
        return cut.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                AtomicBoolean asked = new AtomicBoolean();
                relay(client.getInputStream(), server.getOutputStream(), client, server, asked, false);
                relay(server.getInputStream(), client.getOutputStream(), client, server, asked, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(InputStream in, OutputStream out, Socket client, Socket server, AtomicBoolean asked,
                       boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long sent = 0;
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (!answers && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains(" " + path + " ")) {
                        asked.set(true);
                    }
                    if (answers && asked.get() && !cut.get() && sent + n > cutAfter) {
                        out.write(buf, 0, (int) (cutAfter - sent));
                        out.flush();
                        cut.set(true);
                        client.close();
                        server.close();
                        return;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    sent += n;
                }
            } catch (IOException e) {
                // The other direction closed the sockets.
            }
            try {
                client.close();
                server.close();
            } catch (IOException e) {
                // Already closed.
            }
        }, "dropping-proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
