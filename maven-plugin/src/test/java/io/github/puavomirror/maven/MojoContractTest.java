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
package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.Operation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each goal offers its operation's contract parameters ({@link JobParameter#of}), no more and no
 * less, under their canonical names ({@code uploadTo} for the destination), each with a {@code puavo.<name>} user property; the CLI and
 * Ant have the same test against the same contract. The goals' parameters are read from the
 * plugin descriptor Maven itself reads: {@code @Parameter} is not kept at run time.
 */
class MojoContractTest {
    /** Contract parameters a goal leaves out, with the reason: none so far. */
    private static final Map<String, String> NOT_IN_MAVEN = Map.of();

    /** Parameters only the Maven goals have, with the reason. */
    private static final Map<String, String> MAVEN_ONLY = Map.of(
            "skip", "a pom binds goals to phases; the CLI and Ant run only what they are told to",
            "skipMirror", "as skip, for one goal (puavo.mirror.skip)",
            "skipVerify", "as skip, for one goal (puavo.verify.skip)",
            "skipPrune", "as skip, for one goal (puavo.prune.skip)",
            "skipSync", "as skip, for one goal (puavo.sync.skip)",
            "skipUpload", "as skip, for one goal (puavo.upload.skip)",
            "serverId", "S3 credentials from a settings.xml <server>, decrypted as Maven does; the CLI and Ant"
                    + " take the AWS SDK's default chain (environment, ~/.aws, instance role)");

    private static final Map<Operation, String> GOALS = new LinkedHashMap<>();

    static {
        GOALS.put(Operation.MIRROR, "mirror");
        GOALS.put(Operation.VERIFY, "verify");
        GOALS.put(Operation.PRUNE, "prune");
        GOALS.put(Operation.SYNC, "sync");
        GOALS.put(Operation.UPLOAD, "upload");
    }

    @Test
    void eachGoalOffersExactlyItsContractParameters() throws Exception {
        Element plugin;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin descriptor").isNotNull();
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        assertThat(GOALS.keySet()).containsExactlyInAnyOrder(Operation.values());
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (Map.Entry<Operation, String> goal : GOALS.entrySet()) {
            Element mojo = mojo(mojos, goal.getValue());
            Set<JobParameter> offered = EnumSet.noneOf(JobParameter.class);
            Set<String> unknown = new TreeSet<>();
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int i = 0; i < parameters.getLength(); i++) {
                Element p = (Element) parameters.item(i);
                String name = text(p, "name");
                if (!"true".equals(text(p, "editable")) || p.getElementsByTagName("deprecated").getLength() > 0
                        || MAVEN_ONLY.containsKey(name)) {
                    continue;
                }
                JobParameter contract = parameter(name);
                if (contract == null) {
                    unknown.add(name);
                } else {
                    offered.add(contract);
                    if (contract != JobParameter.SERIES) {
                        assertThat(property(mojo, name)).as(goal.getValue() + " " + name + "'s user property")
                                .isEqualTo("${puavo." + name + "}");
                    }
                }
            }
            assertThat(unknown).as(goal.getValue() + ": parameters that are no contract parameter").isEmpty();
            Set<JobParameter> expected = EnumSet.noneOf(JobParameter.class);
            for (JobParameter p : JobParameter.of(goal.getKey())) {
                if (!NOT_IN_MAVEN.containsKey(goal.getKey() + " " + p)) {
                    expected.add(p);
                }
            }
            assertThat(offered).as("puavo:" + goal.getValue() + " offers").isEqualTo(expected);
        }
    }

    private static Element mojo(NodeList mojos, String goal) {
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            if (goal.equals(text(m, "goal"))) {
                return m;
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    /** The expression of a parameter in the mojo's {@code <configuration>}, e.g. {@code ${puavo.jobs}}. */
    private static String property(Element mojo, String name) {
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        NodeList values = configuration.getElementsByTagName(name);
        return values.getLength() == 0 ? null : values.item(0).getTextContent().trim();
    }

    private static String text(Element e, String child) {
        NodeList n = e.getElementsByTagName(child);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    private static JobParameter parameter(String name) {
        for (JobParameter p : JobParameter.values()) {
            if (AbstractPuavoMojo.name(p).equals(name)) {
                return p;
            }
        }
        return null;
    }
}
