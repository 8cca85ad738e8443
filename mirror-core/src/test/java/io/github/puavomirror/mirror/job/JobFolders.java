package io.github.puavomirror.mirror.job;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh image folder with the mirror at its default place, and a request for it, for each test. */
abstract class JobFolders {
    @TempDir
    Path tmp;
    Path images;
    Path mirror;

    @BeforeEach
    void folders() throws IOException {
        images = Files.createDirectories(tmp.resolve("images"));
        mirror = images.resolve("mirror");
    }

    MirrorRequest.Builder request() {
        return MirrorRequest.builder(images).engine("java").jobs(2);
    }
}
