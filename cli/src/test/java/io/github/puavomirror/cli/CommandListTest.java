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

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command list of {@code puavo-mirror --help}: one whole sentence for each command. */
class CommandListTest {
    @Test
    void everyCommandIsSummedUpInAWholeSentence() {
        RdiffBinary.Result help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        String out = new String(help.out(), StandardCharsets.UTF_8);
        String list = out.substring(out.indexOf("Commands:\n") + "Commands:\n".length(), out.indexOf("\n\n"));
        Map<String, String> summaries = new LinkedHashMap<>();
        String command = null;
        for (String line : list.split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String[] nameAndText = line.strip().split("\\s+", 2);
                command = nameAndText[0];
                summaries.put(command, nameAndText[1]);
            } else {
                summaries.merge(command, line.strip(), (a, b) -> a + " " + b);
            }
        }
        assertThat(summaries).containsKeys("update-repository", "verify", "prune", "demo", "rdiff", "diff", "help");
        assertThat(summaries.get("update-repository"))
                .isEqualTo("Publish the images of IMAGE_DIR as a Puavo image mirror in MIRROR_DIR: hard links to the"
                        + " images, rdiffs to the newest images of each series, meta/<series>.json and CKSUMS.");
        summaries.forEach((name, summary) -> assertThat(summary).as(name).endsWith(".").doesNotContain(". "));
    }
}
