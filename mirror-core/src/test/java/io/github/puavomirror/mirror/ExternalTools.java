package io.github.puavomirror.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Runs coreutils for reference values: tests skip without them on a laptop but fail in CI (CI=true). */
final class ExternalTools {

    private ExternalTools() {
    }

    static void require(String tool) {
        boolean found = false;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, tool))) {
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(tool + " is required in CI but was not found on PATH");
            }
            Assumptions.abort(tool + " not found on PATH");
        }
    }

    /** Runs {@code tool file} in the file's directory and returns stdout. */
    static String run(String tool, Path file) throws IOException, InterruptedException {
        require(tool);
        Process process = new ProcessBuilder(List.of(tool, file.getFileName().toString()))
                .directory(file.toAbsolutePath().getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(tool + " exit status").isZero();
        return out;
    }
}
