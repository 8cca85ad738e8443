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
package io.github.puavomirror.mirror.ant;

import org.apache.tools.ant.BuildEvent;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.BuildListener;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.ProjectHelper;
import org.apache.tools.ant.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Ant task run in-process from real build files, loaded through its antlib. */
class UpdateRepositoryTaskTest {
    private static final String ANTLIB = "io/github/puavomirror/mirror/ant/antlib.xml";
    private static final String PREFIX = "puavo-os-ant-bookworm";
    private static final String SERIES = PREFIX + "-amd64";

    @TempDir
    Path tmp;
    Path images;
    Path mirror;
    final List<String[]> log = new ArrayList<>();

    @BeforeEach
    void images() throws IOException {
        images = Files.createDirectories(tmp.resolve("images"));
        mirror = tmp.resolve("mirror");
        Random r = new Random(61);
        byte[] data = new byte[120_000];
        r.nextBytes(data);
        for (int day = 1; day <= 3; day++) {
            for (int i = 0; i < 2000; i++) {
                data[r.nextInt(data.length)] = (byte) r.nextInt(256);
            }
            Files.write(images.resolve(image(day)), data);
        }
    }

    private static String image(int day) {
        return String.format("%s-2024-02-%02d-080000-amd64.img", PREFIX, day);
    }

    /** Writes a build file whose target {@code run} holds {@code task}, with the antlib typedef'd under uri "pm". */
    private Project project(String task) throws IOException {
        Path build = tmp.resolve("build.xml");
        Files.writeString(build, """
                <project name="mirror" default="run" xmlns:pm="urn:puavo-mirror">
                  <typedef resource="%s" uri="urn:puavo-mirror"/>
                  <target name="run">
                    %s
                  </target>
                </project>
                """.formatted(ANTLIB, task));
        Project p = new Project();
        p.setUserProperty("images", images.toString());
        p.setUserProperty("mirror", mirror.toString());
        p.addBuildListener(new Collector());
        p.init();
        ProjectHelper.configureProject(p, build.toFile());
        return p;
    }

    @Test
    void aBuildFilePublishesTheMirror() throws Exception {
        Project p = project("""
                <pm:update-repository imageDirectory="${images}" mirrorDirectory="${mirror}" repository="cdn.example.org"
                    jobs="2" engine="java"/>""");

        p.executeTarget("run");

        Path meta = mirror.resolve("meta/" + SERIES + ".json");
        assertThat(meta).exists();
        assertThat(Files.readString(meta)).contains("\"urls\":[\"https://cdn.example.org/" + image(3) + "\"]");
        try (Stream<Path> s = Files.list(mirror.resolve("rdiffs"))) {
            assertThat(s.count()).isEqualTo(6);
        }
        assertThat(Files.readAllLines(mirror.resolve("CKSUMS"))).hasSize(3 + 6);
        assertThat(Files.isSameFile(mirror.resolve(image(1)), images.resolve(image(1)))).isTrue();
        assertThat(messages(Project.MSG_INFO)).contains("1 series, 3 images: 6 rdiffs to build, 0 up to date",
                "1 series, 3 images, 6 rdiffs; built 6, 11 files written");
        assertThat(messages(Project.MSG_INFO)).last().asString().matches("time: [0-9.]+ s");
        assertThat(messages(Project.MSG_INFO)).anyMatch(m -> m.startsWith("rdiff " + PREFIX + "-2024-02-01-080000--"));
        assertThat(messages(Project.MSG_WARN)).as("plain test images are not squashfs")
                .anyMatch(m -> m.contains(image(1)) && m.contains("puavo-conf"));
    }

    @Test
    void theAntlibNamespaceLoadsTheTaskToo() throws Exception {
        Path build = tmp.resolve("antlib-build.xml");
        Files.writeString(build, """
                <project name="mirror" default="run" xmlns:pm="antlib:io.github.puavomirror.mirror.ant">
                  <target name="run">
                    <pm:update-repository imageDir="${images}" mirrorDir="${mirror}" engine="java" dryRun="true"/>
                  </target>
                </project>
                """);
        Project p = new Project();
        p.setUserProperty("images", images.toString());
        p.setUserProperty("mirror", mirror.toString());
        p.addBuildListener(new Collector());
        p.init();
        ProjectHelper.configureProject(p, build.toFile());

        p.executeTarget("run");

        assertThat(mirror).as("a dry run writes nothing").doesNotExist();
        assertThat(messages(Project.MSG_INFO).stream().filter(m -> m.startsWith("would build rdiffs/"))).hasSize(6);
    }

    @Test
    void theUploadTaskPutsThePublishedMirrorInAFolder() throws Exception {
        Path www = tmp.resolve("www");
        Project p = project("""
                <pm:update-repository imageDir="${images}" mirrorDir="${mirror}" jobs="2" engine="java"/>
                <pm:upload mirrorDir="${mirror}" destination="%s" delete="true" grace="2d" jobs="2"/>
                <pm:upload mirrorDir="${mirror}" destination="%s"/>""".formatted(www, www));

        p.executeTarget("run");

        assertThat(Files.readAllLines(www.resolve("CKSUMS"))).hasSize(3 + 6);
        assertThat(messages(Project.MSG_INFO)).anyMatch(m -> m.startsWith(www + ": sent 9 files ("))
                .contains("upload " + image(1) + " (120000 bytes)")
                .anyMatch(m -> m.startsWith(www + ": up to date, nothing sent"));
    }

    @Test
    void theUploadTaskNamesAWrongAttributeAsTheBuildFileSpellsIt() throws Exception {
        Files.createDirectories(mirror);
        Project p = project("<pm:upload mirrorDirectory=\"${mirror}\" destination=\"" + tmp.resolve("www")
                + "\" grace=\"soon\"/>");

        assertThatThrownBy(() -> p.executeTarget("run")).isInstanceOf(BuildException.class)
                .hasMessage("grace=\"…\": \"soon\" is not a duration such as 0, 30m, 24h or 2d");
        assertThat(tmp.resolve("www")).doesNotExist();
    }

    @Test
    void nestedSeriesAndTheNumericAttributesReachTheJob() throws Exception {
        Project p = project("""
                <pm:update-repository imageDirectory="${images}" mirrorDirectory="${mirror}" engine="java" jobs="1"
                    rdiffTargets="1" keep="2" blockSize="256" verifyRdiffs="false">
                  <series name="hand-picked">
                    <image name="%s"/>
                    <image name="%s"/>
                    <image name="%s"/>
                  </series>
                </pm:update-repository>""".formatted(image(3), image(1), image(2)));

        p.executeTarget("run");

        // keep=2 drops day 1; targets=1 makes the last listed image (day 2) the only target.
        String meta = Files.readString(mirror.resolve("meta/hand-picked.json"));
        assertThat(meta).doesNotContain(image(1)).contains(image(3)).contains(image(2));
        try (Stream<Path> s = Files.list(mirror.resolve("rdiffs"))) {
            assertThat(s.map(f -> f.getFileName().toString()))
                    .containsExactly(PREFIX + "-2024-02-03-080000--2024-02-02-080000-amd64.rdiff");
        }
        assertThat(mirror.resolve("meta/" + SERIES + ".json")).as("no discovery with nested series").doesNotExist();
        assertThat(Files.readString(mirror.resolve(".puavo-mirror/state.json"))).contains("block=256");
    }

    @Test
    void deprecatedPuavoOsDirWithNoConfigReadsTheConfigWithWarnings() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("puavo-os/config/images"));
        Files.writeString(config.resolve("bookworm.json"), "{\"from-config\": [\"" + image(1) + "\", \"" + image(2)
                + "\"]}");
        Project p = project("""
                <pm:update-repository imageDir="${images}" mirrorDir="${mirror}" engine="java"
                    puavoOsDir="%s" noConfig="true"/>""".formatted(tmp.resolve("puavo-os")));

        p.executeTarget("run");

        assertThat(mirror.resolve("meta/from-config.json")).exists();
        assertThat(mirror.resolve(image(3))).doesNotExist();
        assertThat(Files.readString(config.resolve("bookworm.json"))).startsWith("{\"from-config\": [");
        assertThat(messages(Project.MSG_WARN)).contains(
                "attribute imageDir is deprecated: use imageDirectory",
                "attribute mirrorDir is deprecated: use mirrorDirectory",
                "attribute noConfig is deprecated: use writeConfig (reading the config is the"
                        + " default)");
    }

    @Test
    void puavoOsDirectoryIsReadUnlessWriteConfig() throws Exception {
        Path puavoOs = tmp.resolve("puavo-os");
        BuildException missing = catchThrowableOfType(BuildException.class, () -> project("""
                <pm:update-repository imageDirectory="${images}" mirrorDirectory="${mirror}" engine="java"
                    puavoOsDirectory="%s"/>""".formatted(puavoOs)).executeTarget("run"));
        assertThat(missing.getMessage()).contains("no such folder", "without writeConfig=\"…\"");
        assertThat(puavoOs).doesNotExist();

        project("""
                <pm:update-repository imageDirectory="${images}" mirrorDirectory="${mirror}" engine="java"
                    puavoOsDirectory="%s" writeConfig="true"/>""".formatted(puavoOs)).executeTarget("run");
        assertThat(puavoOs.resolve("config/images/bookworm.json")).exists();
    }

    @Test
    void extraRdiffsAndTheSignatureSettingsReachTheJob() throws Exception {
        Project p = project("""
                <pm:update-repository imageDirectory="${images}" mirrorDirectory="${mirror}" engine="java"
                    signatureType="md4-rollsum" sumSize="8" rdiffTargets="1">
                  <series name="with-extra">
                    <image name="%s"/>
                    <image name="%s"/>
                    <extraRdiff target="%s"><source name="%s"/></extraRdiff>
                  </series>
                </pm:update-repository>""".formatted(image(2), image(3), image(3), image(1)));

        p.executeTarget("run");

        try (Stream<Path> s = Files.list(mirror.resolve("rdiffs"))) {
            assertThat(s.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    PREFIX + "-2024-02-02-080000--2024-02-03-080000-amd64.rdiff",
                    PREFIX + "-2024-02-01-080000--2024-02-03-080000-amd64.rdiff");
        }
        assertThat(Files.readString(mirror.resolve(".puavo-mirror/state.json")))
                .contains(String.format("magic=%08x block=128 strong=8", 0x72730136));
    }

    @Test
    void verifyAndPruneTasksCheckAndCleanTheMirror() throws Exception {
        project("""
                <pm:update-repository imageDirectory="${images}" engine="java" keep="2"/>""").executeTarget("run");
        Path published = images.resolve("mirror");
        Files.write(published.resolve(image(1)), new byte[] {1});

        project("<pm:verify imageDirectory=\"${images}\" deep=\"true\" engine=\"java\" jobs=\"1\""
                + " progress=\"none\"/>").executeTarget("run");
        assertThat(messages(Project.MSG_WARN)).anyMatch(m -> m.contains(image(1)));
        assertThat(messages(Project.MSG_INFO)).anyMatch(m -> m.startsWith("mirror OK: "));

        project("<pm:prune mirrorDirectory=\"" + published + "\" dryRun=\"true\"/>").executeTarget("run");
        assertThat(published.resolve(image(1))).exists();
        project("<pm:prune imageDirectory=\"${images}\"/>").executeTarget("run");
        assertThat(published.resolve(image(1))).doesNotExist();
        assertThat(messages(Project.MSG_INFO)).contains("removed 1 file(s), 1 B");

        Files.write(published.resolve(image(3)), new byte[] {1});
        BuildException bad = catchThrowableOfType(BuildException.class,
                () -> project("<pm:verify mirrorDirectory=\"" + published + "\"/>").executeTarget("run"));
        assertThat(bad.getMessage()).contains(image(3));
    }

    @Test
    void aMissingImageDirFailsTheBuildNamingIt() throws Exception {
        Path missing = tmp.resolve("no-images-here");
        Project p = project("<pm:update-repository imageDir=\"" + missing + "\" engine=\"java\"/>");

        BuildException e = catchThrowableOfType(BuildException.class, () -> p.executeTarget("run"));

        assertThat(e.getMessage()).contains(missing.toString()).contains("no such folder").doesNotContain("\n");
        assertThat(e.getLocation().getFileName()).endsWith("build.xml");
    }

    @Test
    void failOnErrorFalseLogsTheErrorAndGoesOn() throws Exception {
        Path missing = tmp.resolve("no-images-here");
        Project p = project("<pm:update-repository imageDir=\"" + missing + "\" failOnError=\"false\"/>"
                + "<echo message=\"after\"/>");

        p.executeTarget("run");

        assertThat(messages(Project.MSG_ERR)).anyMatch(m -> m.contains(missing.toString()));
        assertThat(messages(Project.MSG_WARN)).contains("after");
    }

    @Test
    void badAttributesFailWithTheirReason() throws Exception {
        BuildException noDir = catchThrowableOfType(BuildException.class,
                () -> project("<pm:update-repository/>").executeTarget("run"));
        BuildException badEngine = catchThrowableOfType(BuildException.class,
                () -> project("<pm:update-repository imageDir=\"${images}\" engine=\"turbo\"/>").executeTarget("run"));
        BuildException badJobs = catchThrowableOfType(BuildException.class,
                () -> project("<pm:update-repository imageDir=\"${images}\" jobs=\"0\"/>").executeTarget("run"));
        BuildException badImage = catchThrowableOfType(BuildException.class, () -> project("""
                <pm:update-repository imageDir="${images}"><series name="s"><image name="x.img"/></series>
                </pm:update-repository>""").executeTarget("run"));

        assertThat(noDir.getMessage()).contains("imageDir");
        assertThat(badEngine.getMessage()).contains("turbo");
        assertThat(badJobs.getMessage()).contains("jobs");
        assertThat(badImage.getMessage()).contains("x.img");
        assertThat(images.resolve("mirror")).doesNotExist();
    }

    @Test
    void theAntlibDeclaresOnlyTasksThatExist() throws Exception {
        List<String> declared = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ANTLIB)) {
            assertThat(in).isNotNull();
            NodeList defs = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getDocumentElement().getElementsByTagName("*");
            for (int i = 0; i < defs.getLength(); i++) {
                Element def = (Element) defs.item(i);
                assertThat(def.getTagName()).isEqualTo("taskdef");
                Class<?> c = Class.forName(def.getAttribute("classname"));
                assertThat(Task.class).isAssignableFrom(c);
                declared.add(def.getAttribute("name"));
            }
        }
        assertThat(declared).containsExactly("update-repository", "verify", "prune", "sync", "upload");
    }

    private List<String> messages(int priority) {
        synchronized (log) {
            return log.stream().filter(m -> Integer.parseInt(m[0]) == priority).map(m -> m[1]).toList();
        }
    }

    /** Keeps every logged message with its priority. */
    private final class Collector implements BuildListener {
        @Override
        public void messageLogged(BuildEvent event) {
            synchronized (log) {
                log.add(new String[] {Integer.toString(event.getPriority()), event.getMessage()});
            }
        }

        @Override
        public void buildStarted(BuildEvent event) {
        }

        @Override
        public void buildFinished(BuildEvent event) {
        }

        @Override
        public void targetStarted(BuildEvent event) {
        }

        @Override
        public void targetFinished(BuildEvent event) {
        }

        @Override
        public void taskStarted(BuildEvent event) {
        }

        @Override
        public void taskFinished(BuildEvent event) {
        }
    }
}
