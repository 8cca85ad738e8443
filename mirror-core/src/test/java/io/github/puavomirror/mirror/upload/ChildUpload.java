package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.job.MirrorException;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An upload in its own JVM, so a test can SIGKILL it: arguments are MIRROR DESTINATION RSH
 * BWLIMIT. It prints one line per event ({@code E <event>}), then {@code OK} or {@code ERR <message>}.
 */
public final class ChildUpload {
    private ChildUpload() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            Upload.run(UploadRequest.builder(Path.of(args[0]), args[1]).rsh(args[2]).bwlimit(args[3]).build(), e -> {
                synchronized (out) {
                    out.println("E " + e);
                }
            });
            out.println("OK");
            System.exit(0);
        } catch (MirrorException e) {
            out.println("ERR " + e.getMessage());
            System.exit(1);
        }
    }

    static Process start(String... args) throws java.io.IOException {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ChildUpload.class.getName()));
        java.addAll(List.of(args));
        return new ProcessBuilder(java).redirectErrorStream(true).start();
    }
}
