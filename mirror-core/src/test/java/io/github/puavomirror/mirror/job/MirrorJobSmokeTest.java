package io.github.puavomirror.mirror.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MirrorJobSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void publishesAndThenHasNothingToDo() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        SampleSeries.write(images, 4, 300_000, 1);
        List<MirrorEvent> events = new ArrayList<>();
        MirrorRequest req = MirrorRequest.builder(images).engine("java").jobs(2).build();
        MirrorSummary s = MirrorJob.run(req, e -> {
            synchronized (events) {
                events.add(e);
            }
        });
        events.forEach(System.out::println);
        assertThat(s.rdiffsBuilt()).isEqualTo(9);
        Path mirror = images.resolve("mirror");
        assertThat(mirror.resolve("CKSUMS")).exists();
        System.out.println(Files.readString(mirror.resolve("CKSUMS")));
        System.out.println(Files.readString(mirror.resolve("meta/puavo-os-test-bookworm-amd64.json")).substring(0, 600));
        MirrorSummary again = MirrorJob.run(req, e -> { });
        assertThat(again.filesWritten()).isZero();
        assertThat(again.rdiffsBuilt()).isZero();
    }
}
