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

import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.Operation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line offers each operation's contract parameters ({@link JobParameter#of}), no more
 * and no less, and spells each as {@link CliNames} says; the Maven and Ant front ends have the
 * same test against the same contract, so none can lack what another has.
 */
class CliContractTest {
    /** Contract parameters the command line leaves out, with the reason. */
    private static final Map<String, String> NOT_ON_THE_CLI = Map.of(
            "MIRROR SERIES", "a command line cannot carry nested series; -p DIR names them in config files",
            "VERIFY URL", "MIRROR_DIR takes a URL as well as a folder",
            "VERIFY IMAGE_DIRECTORY", "MIRROR_DIR is given itself; only a pom or build file shares imageDirectory",
            "PRUNE IMAGE_DIRECTORY", "MIRROR_DIR is given itself; only a pom or build file shares imageDirectory",
            "SYNC IMAGE_DIRECTORY", "MIRROR_DIR is given itself; only a pom or build file shares imageDirectory",
            "UPLOAD IMAGE_DIRECTORY", "MIRROR_DIR is given itself; only a pom or build file shares imageDirectory");

    /** Options only the command line has, with the reason. */
    private static final Map<String, String> CLI_ONLY = Map.of(
            "--help", "help is the tool's own (mvn help:describe and ant -projecthelp elsewhere)",
            "--debug", "stack traces; Maven has -e and Ant -verbose for that");

    private static final Map<Operation, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put(Operation.MIRROR, "update-repository");
        COMMANDS.put(Operation.VERIFY, "verify");
        COMMANDS.put(Operation.PRUNE, "prune");
        COMMANDS.put(Operation.SYNC, "sync");
        COMMANDS.put(Operation.UPLOAD, "upload");
    }

    @Test
    void everyOperationHasACommand() {
        assertThat(COMMANDS.keySet()).containsExactlyInAnyOrder(Operation.values());
    }

    @Test
    void eachCommandOffersExactlyItsContractParameters() {
        CommandLine root = PuavoMirrorCommand.commandLine(CliIo.system());
        for (Map.Entry<Operation, String> e : COMMANDS.entrySet()) {
            CommandSpec spec = root.getSubcommands().get(e.getValue()).getCommandSpec();
            Set<JobParameter> offered = EnumSet.noneOf(JobParameter.class);
            Set<String> unknown = new TreeSet<>();
            for (ArgSpec arg : spec.args()) {
                String name = arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
                if (arg.hidden() || CLI_ONLY.containsKey(name)) {
                    continue;
                }
                JobParameter p = parameter(name);
                if (p == null) {
                    unknown.add(name);
                } else {
                    offered.add(p);
                }
            }
            assertThat(unknown).as(e.getValue() + ": options that are no contract parameter").isEmpty();
            Set<JobParameter> expected = EnumSet.noneOf(JobParameter.class);
            for (JobParameter p : JobParameter.of(e.getKey())) {
                if (!NOT_ON_THE_CLI.containsKey(e.getKey() + " " + p)) {
                    expected.add(p);
                }
            }
            assertThat(offered).as(e.getValue() + " offers").isEqualTo(expected);
        }
    }

    private static JobParameter parameter(String name) {
        for (JobParameter p : JobParameter.values()) {
            if (name.equals(CliNames.of(p))) {
                return p;
            }
        }
        return null;
    }
}
