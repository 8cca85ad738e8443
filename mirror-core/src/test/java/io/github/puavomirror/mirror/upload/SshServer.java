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

import io.github.puavomirror.mirror.ExternalTools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's sshd on a free loopback port with a throw-away host key and user key, for rsync over
 * ssh as operators use it; {@link #rsh} is the ssh command that logs in with that key only.
 */
final class SshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    final int port;
    final String rsh;
    final String user = System.getProperty("user.name");
    private final Process process;

    private final Path controlPath;

    private SshServer(int port, String rsh, Process process, Path controlPath) {
        this.port = port;
        this.rsh = rsh;
        this.process = process;
        this.controlPath = controlPath;
    }

    static SshServer start(Path dir) throws IOException, InterruptedException {
        ExternalTools.require("rsync", "ssh", "ssh-keygen");
        if (!Files.isExecutable(SSHD)) {
            ExternalTools.require("sshd");
        }
        Files.createDirectories(dir);
        Path hostKey = dir.resolve("host_key");
        Path userKey = dir.resolve("user_key");
        ExternalTools.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        ExternalTools.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", userKey.toString());
        Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        Path config = dir.resolve("sshd_config");
        Files.write(config, List.of(
                "HostKey " + hostKey,
                "ListenAddress 127.0.0.1",
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "PidFile none",
                "LogLevel ERROR"));
        // sshd refuses to start without its privilege separation folder, which containers often lack.
        if (!Files.isDirectory(Path.of("/run/sshd")) && "root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(Path.of("/run/sshd"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        // One shared connection, as an operator's ssh config may set up: each rsync step then
        // costs no new key exchange.
        String rsh = "ssh -i " + userKey + " -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile="
                + dir.resolve("known_hosts") + " -o StrictHostKeyChecking=accept-new -o LogLevel=ERROR"
                + " -o ControlMaster=auto -o ControlPersist=120 -o ControlPath=" + dir.resolve("cm");
        SshServer server = new SshServer(port, rsh, p, dir.resolve("cm"));
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return server;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IllegalStateException("sshd did not listen on port " + port);
    }

    /** {@code ssh://user@127.0.0.1:port/<path>} for an absolute {@code path}. */
    String url(Path path) {
        return "ssh://" + user + "@127.0.0.1:" + port + path.toAbsolutePath();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (Files.exists(controlPath)) {
            new ProcessBuilder("ssh", "-o", "ControlPath=" + controlPath, "-O", "exit", "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        process.destroy();
        process.waitFor();
    }
}
