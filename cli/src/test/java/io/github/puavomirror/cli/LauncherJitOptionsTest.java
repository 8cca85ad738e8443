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
