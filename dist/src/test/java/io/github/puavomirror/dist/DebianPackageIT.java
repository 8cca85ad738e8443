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
package io.github.puavomirror.dist;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .deb: what it holds, read with dpkg-deb; then installed into this machine with apt, used from
 * the installed files only, its systemd units verified, and purged: nothing it installed is left.
 * Installing changes the machine, so it runs only as root with CI=true.
 */
class DebianPackageIT {
    private static final String PACKAGE = "puavo-mirror";
    /** apt and the installed commands, with no JAVA_HOME: the package runs the system's java. */
    private static final Map<String, String> APT = Map.of("DEBIAN_FRONTEND", "noninteractive");

    private static final List<String> UNITS = List.of("puavo-update-repository.service", "puavo-update-repository.timer",
            "puavo-mirror-sync.service", "puavo-mirror-sync.timer");
    private static final List<String> CONFFILES = List.of("/etc/puavo-mirror/update-repository.conf",
            "/etc/puavo-mirror/sync.conf");

    @TempDir
    Path work;

    @Test
    void holdsUnitsConfigsAndCompletionsAndEnablesNothing() throws Exception {
        boolean dpkg = Run.of(Map.of(), "sh", "-c", "command -v dpkg-deb").exit() == 0;
        Assumptions.assumeTrue(dpkg || "true".equals(System.getenv("CI")), "reads the .deb with dpkg-deb");
        Path deb = deb();
        List<String> files = new ArrayList<>();
        for (String line : Run.of(Map.of(), "dpkg-deb", "--contents", deb.toString()).ok("dpkg-deb --contents").out()
                .split("\n")) {
            files.add(line.substring(line.indexOf("./") + 1));
        }
        List<String> expected = new ArrayList<>(List.of("/usr/share/bash-completion/completions/puavo-mirror",
                "/usr/share/bash-completion/completions/puavo-update-repository"));
        UNITS.forEach(unit -> expected.add("/lib/systemd/system/" + unit));
        expected.addAll(CONFFILES);
        assertThat(files).containsAll(expected);
        // Installed disabled: the package enables nothing, and has no maintainer script that could.
        assertThat(files).noneMatch(file -> file.contains(".wants/"));
        Run control = Run.of(Map.of(), "dpkg-deb", "--info", deb.toString(), "conffiles").ok("dpkg-deb --info conffiles");
        assertThat(control.out().lines()).containsExactlyInAnyOrderElementsOf(CONFFILES);
        assertThat(Run.of(Map.of(), "dpkg-deb", "--info", deb.toString(), "postinst").exit()).isNotZero();
    }

    @Test
    void installsRunsAndPurgesWithoutATrace() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root && "true".equals(System.getenv("CI")),
                "installs the .deb into this machine: runs only as root with CI=true");
        Assertions.assertNotEquals(0, Run.of(Map.of(), "dpkg", "-s", PACKAGE).exit(),
                PACKAGE + " is installed already; this test installs and purges its own");
        Path deb = deb();
        Run.of(Run.TARGET, APT, "apt-get", "install", "-y", "./" + deb.getFileName()).ok("apt-get install");
        List<Path> installed = new ArrayList<>();
        try {
            for (String line : Run.of(Map.of(), "dpkg", "-L", PACKAGE).ok("dpkg -L").out().split("\n")) {
                if (line.startsWith("/") && !line.equals("/.")) {
                    installed.add(Path.of(line));
                }
            }
            assertThat(installed).contains(Path.of("/usr/bin/puavo-mirror"), Path.of("/usr/bin/puavo-update-repository"),
                    Path.of("/usr/share/puavo-mirror/puavo-mirror.jar"), Path.of("/usr/share/man/man1/puavo-mirror.1.gz"),
                    Path.of("/usr/share/doc/puavo-mirror/copyright"), Path.of("/etc/puavo-mirror/update-repository.conf"),
                    Path.of("/etc/puavo-mirror/sync.conf"));

            Run help = Run.of(work, Map.of(), "/usr/bin/puavo-update-repository", "--help").ok("puavo-update-repository --help");
            assertThat(help.out()).startsWith("Usage: puavo-update-repository");
            Run demo = Run.of(work, Map.of(), "/usr/bin/puavo-mirror", "demo", work.resolve("demo").toString())
                    .ok("puavo-mirror demo");
            assertThat(demo.out()).contains("CKSUMS");
            Run man = Run.of(work, Map.of("MANPAGER", "cat", "MANWIDTH", "80"), "man", "puavo-mirror").ok("man puavo-mirror");
            assertThat(man.out()).contains("PUAVO-MIRROR(1)", "update-repository");
            verifyUnits();
        } finally {
            Run.of(APT, "apt-get", "purge", "-y", PACKAGE).ok("apt-get purge");
        }
        assertThat(installed).isNotEmpty();
        for (Path path : installed) {
            if (Files.exists(path)) {
                // Only folders other packages use too, like /usr/bin, may stay.
                assertThat(path).as("left behind").isDirectory();
                assertThat(ownerOf(path)).as("%s stays but belongs to no other package", path).isNotEmpty();
            }
        }
    }

    /**
     * systemd-analyze verify on the installed units: their syntax, the commands they run and the man pages they
     * name, now that both are installed. Where systemd-analyze is missing, the contents test still finds the units.
     */
    private void verifyUnits() throws IOException, InterruptedException {
        if (Run.of(Map.of(), "sh", "-c", "command -v systemd-analyze").exit() != 0) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        UNITS.forEach(unit -> command.add("/lib/systemd/system/" + unit));
        Run verify = Run.of(work, Map.of(), command.toArray(String[]::new));
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.err()).as("systemd-analyze verify's complaints").isEmpty();
    }

    private static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(Run.TARGET)) {
            return files.filter(f -> f.getFileName().toString().matches("puavo-mirror_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no puavo-mirror_*_all.deb in " + Run.TARGET));
        }
    }

    /** The packages that own {@code path}, as dpkg -S gives them (empty: none). */
    private static String ownerOf(Path path) throws IOException, InterruptedException {
        Run owner = Run.of(Map.of(), "dpkg", "-S", path.toString());
        return owner.exit() == 0 ? owner.out().strip() : "";
    }
}
