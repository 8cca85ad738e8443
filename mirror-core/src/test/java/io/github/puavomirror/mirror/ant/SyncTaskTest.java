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

import io.github.puavomirror.mirror.http.NginxServer;
import io.github.puavomirror.mirror.job.PublishedMirrors;
import org.apache.tools.ant.BuildEvent;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.DefaultLogger;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.ProjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code <sync>} in a build file, against nginx serving a mirror update-repository made. */
class SyncTaskTest {
    @TempDir
    Path tmp;

    private Project project(String task) throws Exception {
        Path build = tmp.resolve("build.xml");
        Files.writeString(build, """
                <project name="sync" default="run" xmlns:pm="urn:puavo-mirror">
                  <typedef resource="io/github/puavomirror/mirror/ant/antlib.xml" uri="urn:puavo-mirror"/>
                  <target name="run">
                    %s
                  </target>
                </project>
                """.formatted(task));
        Project p = new Project();
        p.setUserProperty("mirror", tmp.resolve("local").toString());
        p.init();
        ProjectHelper.configureProject(p, build.toFile());
        return p;
    }

    @Test
    void aBuildFileMirrorsTheChosenSeries() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        PublishedMirrors.writeImages(images, 2, 40_000, 9);
        PublishedMirrors.publish(images, tmp.resolve("upstream"), "https://upstream.example.org");
        try (NginxServer nginx = NginxServer.start(tmp.resolve("upstream"), tmp.resolve("nginx"), null)) {
            project("<pm:sync upstream=\"" + nginx.url() + "\" mirrorDirectory=\"${mirror}\" repository=\"mirror.example.net\""
                    + " seriesPatterns=\"puavo-os-*, other\" excludePatterns=\"other\" keep=\"1\" jobs=\"2\"/>")
                    .executeTarget("run");
        }
        Path meta = tmp.resolve("local/meta/" + PublishedMirrors.SERIES + ".json");
        assertThat(Files.readString(meta)).contains("\"urls\":[\"https://mirror.example.net/" + PublishedMirrors.image(2)
                + "\"]").doesNotContain("\"filename\":\"" + PublishedMirrors.image(1));
    }

    @Test
    void aUsageErrorFailsTheBuildNamingTheParameter() throws Exception {
        Project p = project("<pm:sync upstream=\"http://127.0.0.1:9/\" mirrorDirectory=\"${mirror}\"/>");
        assertThatThrownBy(() -> p.executeTarget("run")).isInstanceOf(BuildException.class)
                .hasMessageContaining("repository=\"…\": required unless keepUrls=\"…\" is set");
    }

    @Test
    void withoutAFolderSyncAndUploadSayWhichAttributesGiveIt() throws Exception {
        String required = "mirrorDirectory=\"…\" is required (or imageDirectory=\"…\", whose mirror/ it then is)";
        assertThatThrownBy(() -> project("<pm:sync upstream=\"http://127.0.0.1:9/\" keepUrls=\"true\"/>")
                .executeTarget("run")).isInstanceOf(BuildException.class).hasMessage(required);
        assertThatThrownBy(() -> project("<pm:upload destination=\"" + tmp.resolve("www") + "\"/>")
                .executeTarget("run")).isInstanceOf(BuildException.class).hasMessage(required);
        assertThat(tmp.resolve("www")).doesNotExist();
    }

    @Test
    void theOldAttributeNamesStillWorkWithAWarning() throws Exception {
        Project p = project("<pm:sync upstream=\"http://127.0.0.1:9/\" mirrorDir=\"${mirror}\""
                + " repositoryUrl=\"mirror.example.net\" keepUrls=\"true\"/>");
        List<String> warnings = new ArrayList<>();
        p.addBuildListener(new DefaultLogger() {
            @Override
            public void messageLogged(BuildEvent event) {
                if (event.getPriority() == Project.MSG_WARN) {
                    warnings.add(event.getMessage());
                }
            }
        });
        assertThatThrownBy(() -> p.executeTarget("run")).isInstanceOf(BuildException.class)
                .hasMessageContaining("repository=\"…\": not with keepUrls=\"…\"");
        assertThat(warnings).containsExactly("attribute mirrorDir is deprecated: use mirrorDirectory",
                "attribute repositoryUrl is deprecated: use repository");
    }
}
