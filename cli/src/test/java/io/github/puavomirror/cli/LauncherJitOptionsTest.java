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

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/puavo-mirror names engine methods for the JIT ({@code -XX:CompileCommand=dontinline}); the
 * JVM ignores a name that no longer exists, so a rename would quietly undo the option.
 */
class LauncherJitOptionsTest {
    @Test
    void everyMethodTheLauncherNamesExists() throws Exception {
        String script = Files.readString(LauncherRun.BIN.resolve("puavo-mirror"));
        Matcher loop = Pattern.compile("for method in ([^;]*); do\\s+jit=\"\\$jit -XX:CompileCommand=dontinline,([\\w.]+)\\.\\$method\"")
                .matcher(script);
        assertThat(loop.find()).as("the dontinline loop of bin/puavo-mirror").isTrue();
        String pkg = loop.group(2);
        List<String> names = new ArrayList<>();
        for (String word : loop.group(1).replace("\\\n", " ").trim().split("\\s+")) {
            names.add(word.replace("'", ""));
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(5);
        for (String name : names) {
            String[] parts = name.split("::");
            assertThat(parts).as(name).hasSize(2);
            Class<?> c = Class.forName(pkg + "." + parts[0]);
            assertThat(Arrays.stream(c.getDeclaredMethods()).map(m -> m.getName())).as(name).contains(parts[1]);
        }
    }
}
