package io.github.puavomirror.rdiff.nativelib;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the rdiff binary, the reference the native engine must match byte for byte. */
final class Rdiff {
    private Rdiff() {
    }

    /** Runs {@code rdiff args...} with stdin from {@code /dev/null}; returns its exit status. */
    static int run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    /**
     * Runs rdiff, feeding {@code stdin} through a pipe when it is not null (so rdiff sees a
     * stream of unknown size, as with {@code cat f | rdiff signature - s}).
     */
    static int run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(NativeAvailability.rdiff().toString());
        cmd.add("--force");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (OutputStream out = p.getOutputStream()) {
                out.write(stdin);
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("rdiff timed out: " + cmd);
        }
        return p.exitValue();
    }
}
