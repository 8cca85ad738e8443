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
package io.github.puavomirror.cli;

import io.github.puavomirror.rdiff.RdiffBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Error lines, exit codes and --debug, without needing rdiff. */
class ErrorReportingTest {
    @TempDir
    Path dir;

    @Test
    void missingInputIsOneLineNamingTheFile() {
        Path missing = dir.resolve("missing");
        RdiffBinary.Result r = Cli.run("rdiff", "delta", missing.toString());
        assertThat(r.exit()).isEqualTo(100);
        assertThat(r.err()).isEqualTo("puavo-mirror: Error opening \"" + missing + "\" for read: No such file or directory\n");

        RdiffBinary.Result d = Cli.run("diff", missing.toString(), missing.toString());
        assertThat(d.exit()).isEqualTo(1);
        assertThat(d.err()).isEqualTo("puavo-mirror: Error opening \"" + missing + "\" for read: No such file or directory\n");
    }

    @Test
    void corruptInputNamesItAndUsesLibrsyncCodes() throws IOException {
        Path notADelta = Files.write(dir.resolve("junk"), new byte[] {1, 2, 3, 4, 5});
        Path basis = Files.write(dir.resolve("basis"), new byte[] {9});
        RdiffBinary.Result r = Cli.run("rdiff", "patch", basis.toString(), notADelta.toString());
        assertThat(r.exit()).isEqualTo(104);
        assertThat(r.err()).startsWith("puavo-mirror: " + notADelta + ": ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void debugAddsTheStackTraceAtAnyLevel() {
        Path missing = dir.resolve("missing");
        RdiffBinary.Result top = Cli.run("--debug", "diff", missing.toString(), missing.toString());
        assertThat(top.exit()).isEqualTo(1);
        assertThat(top.err()).startsWith("puavo-mirror: Error opening \"" + missing + "\"").contains("\tat ");
        RdiffBinary.Result sub = Cli.run("rdiff", "--debug", "signature", missing.toString());
        assertThat(sub.exit()).isEqualTo(100);
        assertThat(sub.err()).contains("\tat ");
    }

    @Test
    void usageErrorsExitTwoOutsideRdiff() {
        for (String[] args : new String[][] {
            {}, {"no-such-command"}, {"--bogus"}, {"diff"}, {"diff", "a"}, {"diff", "-x", "a", "b"},
            {"diff", "-b", "x", "a", "b"}, {"diff", "-H", "sha", "a", "b"}, {"diff", "--engine=bogus", "a", "b"},
            {"diff", "-", "-"}, {"diff", "a", "b", "c", "d"},
        }) {
            RdiffBinary.Result r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("puavo-mirror: ").endsWith("--help')\n");
            assertThat(r.err().lines()).hasSize(1);
        }
    }

    @Test
    void rdiffUsageErrorsExit101() {
        RdiffBinary.Result r = Cli.run("rdiff", "--engine=bogus", "signature");
        assertThat(r.exit()).isEqualTo(101);
        assertThat(r.err()).isEqualTo("puavo-mirror: unknown engine 'bogus' (expected auto, java or native)"
                + " (try 'puavo-mirror rdiff --help')\n");
        assertThat(Cli.run("rdiff", "-b", "1", "-x").err())
                .isEqualTo("puavo-mirror: unknown option: -x (try 'puavo-mirror rdiff --help')\n");
    }

    @Test
    void helpAndVersion() {
        RdiffBinary.Result help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(new String(help.out())).contains("rdiff", "diff");
        RdiffBinary.Result rdiffHelp = Cli.run("rdiff", "-?");
        assertThat(rdiffHelp.exit()).isZero();
        assertThat(new String(rdiffHelp.out())).contains("--block-size", "delta SIGNATURE [NEWFILE [DELTA]]");
        RdiffBinary.Result version = Cli.run("rdiff", "-V");
        assertThat(version.exit()).isZero();
        assertThat(new String(version.out())).startsWith("rdiff (librsync 2.3.2 compatible) from puavo-mirror ");
        assertThat(new String(Cli.run("-V").out())).matches("puavo-mirror \\S+\n");
    }

    /** The command line is built for the named subcommand only; help and unknown names still see them all. */
    @Test
    void everySubcommandIsReachableWhateverTheArgumentsName() {
        RdiffBinary.Result named = Cli.run("--debug", "help", "rdiff");
        assertThat(named.exit()).isZero();
        assertThat(new String(named.out())).contains("--block-size");
        RdiffBinary.Result all = Cli.run("help");
        assertThat(all.exit()).isZero();
        assertThat(new String(all.out())).contains("update-repository", "verify", "prune", "demo", "rdiff", "diff");
        RdiffBinary.Result unknown = Cli.run("--debug", "no-such-command");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("puavo-mirror: ").contains("no-such-command");
        RdiffBinary.Result afterRootOption = Cli.run("--debug", "diff", "--help");
        assertThat(afterRootOption.exit()).isZero();
        assertThat(new String(afterRootOption.out())).contains("OLD", "NEW", "DELTA");
    }

    @Test
    void failedPatchLeavesNoOutputOrTemporaryFile() throws IOException {
        Path basis = Files.write(dir.resolve("basis"), new byte[] {1, 2, 3});
        // A delta whose literal command says 16 bytes but carries 4: the patch writes, then fails.
        byte[] delta = {0x72, 0x73, 0x02, 0x36, 0x10, 'a', 'b', 'c', 'd'};
        Path deltaFile = Files.write(dir.resolve("delta"), delta);
        Path out = dir.resolve("out");
        RdiffBinary.Result r = Cli.run("rdiff", "patch", basis.toString(), deltaFile.toString(), out.toString());
        assertThat(r.exit()).isEqualTo(103);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("basis", "delta");
        }
    }

    @Test
    void engineIsReportedWithVerbose() throws IOException {
        Path basis = Files.write(dir.resolve("basis"), new byte[] {1, 2, 3});
        RdiffBinary.Result r = Cli.run("rdiff", "-v", "--engine=java", "signature", basis.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).startsWith("puavo-mirror: engine java");
    }
}
