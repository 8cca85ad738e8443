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

import io.github.puavomirror.cli.CliIo;
import io.github.puavomirror.cli.PuavoMirrorCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive as a user gets it: unpacked into an empty folder outside the checkout, run
 * directly and through a symlink elsewhere, with man pages that say what --help says.
 */
class ReleaseArchiveIT {
    /** The JDK running the tests, whatever java is first on PATH. */
    private static final Map<String, String> JAVA = Map.of("JAVA_HOME", System.getProperty("java.home"));

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("dist.tarball"));
        Run.of(Map.of(), "tar", "-xzf", tarball.toString(), "-C", unpacked.toString()).ok("tar");
        String name = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        home = unpacked.resolve(name);
    }

    @Test
    void holdsTheLaunchersTheJarTheDocsAndTheLicense() {
        for (String file : List.of("bin/puavo-mirror", "bin/puavo-update-repository")) {
            assertThat(home.resolve(file)).isExecutable();
        }
        for (String file : List.of("lib/puavo-mirror.jar", "LICENSE", "NOTICE", "README.md",
                "man/man1/puavo-mirror.1", "man/man1/puavo-update-repository.1", "completion/puavo-mirror",
                "completion/puavo-update-repository")) {
            assertThat(home.resolve(file)).isRegularFile();
        }
        assertThat(home.resolve("lib").resolve("puavo-mirror.jsa")).doesNotExist();
    }

    @Test
    void demoRunsFromTheUnpackedArchive(@TempDir Path work) throws Exception {
        Run demo = Run.of(JAVA, home.resolve("bin/puavo-mirror").toString(), "demo", work.resolve("demo").toString())
                .ok("bin/puavo-mirror demo");
        assertThat(demo.out()).contains("CKSUMS");
        assertThat(work.resolve("demo/mirror/CKSUMS")).isRegularFile();
    }

    @Test
    void aSymlinkElsewhereFindsTheJar(@TempDir Path elsewhere) throws Exception {
        Path mirror = Files.createSymbolicLink(elsewhere.resolve("puavo-mirror"), home.resolve("bin/puavo-mirror"));
        // A relative link, as ~/bin often holds one.
        Path linkDir = Files.createDirectories(elsewhere.resolve("bin"));
        Path updater = Files.createSymbolicLink(linkDir.resolve("pur"),
                linkDir.relativize(home.resolve("bin/puavo-update-repository")));
        try {
            Run version = Run.of(JAVA, mirror.toString(), "--version").ok("puavo-mirror --version through a link");
            assertThat(version.out()).matches("puavo-mirror \\S+\n");
            // The jar's one-line error for a folder that is not there: the wrapper found the launcher, the launcher the jar.
            Path missing = elsewhere.resolve("no-such-images");
            Run update = Run.of(JAVA, updater.toString(), missing.toString());
            assertThat(update.exit()).as(update.err()).isNotZero();
            assertThat(update.err()).startsWith("puavo-mirror: ").contains(missing.toString()).doesNotContain("jar");
        } finally {
            // Removed here: JUnit warns about links out of its folders that it deletes.
            Files.delete(mirror);
            Files.delete(updater);
        }
    }

    /** Each command's man page names every option its --help lists: they come from the same model. */
    @Test
    void manPagesListWhatHelpLists() throws Exception {
        CommandLine top = PuavoMirrorCommand.commandLine(new CliIo(InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream()), () -> -1));
        assertThat(top.getSubcommands()).containsKeys("update-repository", "verify", "demo", "rdiff");
        String topPage = manText(home.resolve("man/man1/puavo-mirror.1"));
        top.getSubcommands().forEach((command, sub) -> {
            assertThat(topPage).as("puavo-mirror.1").contains(command);
            String help = sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String page = manText(home.resolve("man/man1/puavo-mirror-" + command + ".1"));
            Matcher option = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*").matcher(help);
            while (option.find()) {
                assertThat(page).as("puavo-mirror-%s.1", command).contains(option.group());
            }
        });
    }

    /** Each completion, sourced into bash as bash-completion would, offers the options --help lists. */
    @Test
    void completionsOfferTheOptionsOfHelp(@TempDir Path work) throws Exception {
        Path completion = home.resolve("completion/puavo-update-repository");
        assertThat(complete(work, completion, "puavo-update-repository", "-"))
                .containsExactlyInAnyOrder("-r", "--repository", "-p", "--puavo-os", "-n", "--no-config", "-h", "--help");
        assertThat(complete(work, completion, "puavo-update-repository", "--p")).containsExactly("--puavo-os");
        Files.createDirectories(work.resolve("images/mirror"));
        Files.writeString(work.resolve("images.txt"), "not a folder");
        assertThat(complete(work, completion, "puavo-update-repository", "-p", "ima")).containsExactly("images");
        assertThat(complete(work, completion, "puavo-update-repository", "-n", "ima")).containsExactly("images");
        assertThat(complete(work, completion, "puavo-update-repository", "images", "images/")).containsExactly("images/mirror");
        assertThat(complete(work, completion, "puavo-update-repository", "-r", "ima")).isEmpty();

        CommandLine top = PuavoMirrorCommand.commandLine(new CliIo(InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream()), () -> -1));
        Path mirror = home.resolve("completion/puavo-mirror");
        assertThat(complete(work, mirror, "puavo-mirror", "")).containsAll(top.getSubcommands().keySet());
        for (Map.Entry<String, CommandLine> sub : top.getSubcommands().entrySet()) {
            List<String> offered = complete(work, mirror, "puavo-mirror", sub.getKey(), "-");
            for (CommandLine.Model.OptionSpec option : sub.getValue().getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(offered).as("puavo-mirror %s -", sub.getKey()).contains(option.names());
                }
            }
        }
    }

    /**
     * The words the completion in {@code script} offers for {@code words} (the last one being completed), as bash
     * gives them to its completion function; its compopt calls, which work only while bash completes, are ignored.
     */
    private static List<String> complete(Path dir, Path script, String... words) throws Exception {
        String bash = "source \"$0\"; fn=$(complete -p \"$1\" | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p');"
                + " COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
                + " \"$fn\" \"$1\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", bash, script.toString()));
        command.addAll(List.of(words));
        return Run.of(dir, Map.of(), command.toArray(String[]::new)).ok("completion of " + String.join(" ", words))
                .out().lines().filter(word -> !word.isEmpty()).toList();
    }

    /** The page's text with troff's escaped hyphens as hyphens. */
    private static String manText(Path page) {
        try {
            return Files.readString(page).replace("\\-", "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
