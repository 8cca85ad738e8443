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
package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.ExternalTools;

import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad inputs, one case each, on a mirror a good run published: each ends in a one-line error
 * naming the file or value (a usage error where the request itself is wrong), or in a warning
 * naming the file it skipped; either way the published mirror stays byte for byte as it was.
 */
class BadInputCatalogueTest {
    private static final String DAY5 = SampleSeries.name(5);
    private static final String SERIES = GoodRun.SERIES;

    @TempDir
    Path tmp;

    /** What a case expects: an error (usage or not) or a warning, containing {@code text} and {@code name}. */
    enum Outcome { USAGE, ERROR, WARNING }

    /** Sets up the bad input on a good mirror and returns the request that meets it. */
    @FunctionalInterface
    interface Setup {
        MirrorRequest apply(GoodRun g) throws Exception;
    }

    /**
     * One row of the table. {@code names} gives what the message must name (a path or value),
     * worked out from the mirror at hand; {@code text} is the problem it must state.
     */
    record Case(String title, Outcome outcome, String text, java.util.function.Function<GoodRun, String> names,
                Setup setup) {
        @Override
        public String toString() {
            return title;
        }
    }

    static List<Case> cases() {
        return List.of(
                // Names the discovery skips with a warning.
                skipped("a name with a space", "puavo-os-test-bookworm-2024-01-05-120000-amd64 (copy).img",
                        "contains whitespace"),
                skipped("a name with a tab", "puavo-os-test-bookworm-2024-01-05-120000-amd64\t.img",
                        "contains a control character"),
                skipped("a name starting with a dash", "-puavo-os-test-bookworm-2024-01-05-120000-amd64.img",
                        "starts with '-'"),
                skipped("a hidden name", ".puavo-os-test-bookworm-2024-01-05-120000-amd64.img", "starts with '.'"),
                skipped("a name without a stamp", "puavo-os-test-bookworm-latest-amd64.img", "does not match"),
                skipped("digit groups before the stamp", "puavo-os-1-2-3-4-bookworm-2024-01-05-120000-amd64.img",
                        "upstream would give it version 1234"),
                skipped("a name over 200 bytes", "puavo-os-" + "x".repeat(190) + "-bookworm-2024-01-05-120000-amd64.img",
                        "bytes long, the limit is 200"),
                new Case("an image that is a folder", Outcome.WARNING, "is a folder, not an image file",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            Files.createDirectory(g.images.resolve(DAY5));
                            return g.request().build();
                        }),
                new Case("an image that is a dangling symlink", Outcome.WARNING, "is a dangling symbolic link",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            Files.createSymbolicLink(g.images.resolve(DAY5), Path.of("gone.img"));
                            return g.request().build();
                        }),
                new Case("an image that is a FIFO", Outcome.WARNING, "is not a regular file",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            ExternalTools.require("mkfifo");
                            GoodRun.exec("mkfifo", g.images.resolve(DAY5).toString());
                            return g.request().build();
                        }),

                // Image contents the job cannot publish.
                new Case("an empty image", Outcome.ERROR, "image is empty; refusing to publish it", g -> g.images.resolve(DAY5).toString(), g -> {
                    Files.createFile(g.images.resolve(DAY5));
                    return g.request().build();
                }),
                new Case("squashfs magic, then garbage", Outcome.ERROR, "", g -> g.images.resolve(DAY5).toString(), g -> {
                    byte[] b = new byte[4096];
                    b[0] = 'h';
                    b[1] = 's';
                    b[2] = 'q';
                    b[3] = 's';
                    Files.write(g.images.resolve(DAY5), b);
                    return g.request().build();
                }),
                new Case("a truncated squashfs image", Outcome.ERROR, "", g -> g.images.resolve(DAY5).toString(), g -> {
                    // Cut inside the tables at the end of the filesystem, not just in its padding.
                    byte[] b = resource("/squashfs/xz.sqsh");
                    long used = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
                    Files.write(g.images.resolve(DAY5), java.util.Arrays.copyOf(b, (int) used - 64));
                    return g.request().build();
                }),
                new Case("squashfs with broken definitions JSON", Outcome.ERROR, "invalid JSON in puavo-conf definition",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            squashfs(g, "10-a.json", "{\"puavo.x\": {\"default\": 1,}}", null, null);
                            return g.request().build();
                        }),
                new Case("squashfs with a key defined in two files", Outcome.ERROR, "is defined in both",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            squashfs(g, "10-a.json", "{\"puavo.x\": {\"default\": \"1\"}}",
                                    "20-b.json", "{\"puavo.x\": {\"default\": \"2\"}}");
                            return g.request().build();
                        }),

                // Series configs (read with -n: writeConfig false).
                config("a config that is not JSON", "bookworm.json", "{\"" + SERIES + "\": [", "invalid JSON"),
                config("an empty config", "bookworm.json", "", "file is empty"),
                config("a config that is a list", "bookworm.json", "[\"" + SampleSeries.name(1) + "\"]",
                        "expected a JSON object"),
                config("a series that is a number", "bookworm.json", "{\"" + SERIES + "\": 5}", "found a number"),
                config("an image name that is a number", "bookworm.json", "{\"" + SERIES + "\": {\"images\": [5]}}",
                        "expected an image file name, found a number"),
                config("an unknown key in a series", "bookworm.json",
                        "{\"" + SERIES + "\": {\"images\": [], \"extra\": 1}}", "unknown key \"extra\""),
                config("a series defined twice in one file", "bookworm.json",
                        "{\"" + SERIES + "\": [], \"" + SERIES + "\": []}", "Duplicate field"),
                config("an image listed twice", "bookworm.json", GoodRun.seriesJson(SampleSeries.name(4)), "twice"),
                config("two images with one stamp", "bookworm.json",
                        GoodRun.seriesJson("puavo-os-other-bookworm-2024-01-04-120000-amd64.img"),
                        "two images with stamp 2024-01-04-120000"),
                config("a name climbing out of the image folder", "bookworm.json", GoodRun.seriesJson("../" + DAY5),
                        "contains '/'"),
                config("an absolute image path", "bookworm.json",
                        GoodRun.seriesJson("/etc/puavo-os-test-bookworm-2024-01-05-120000-amd64.img"), "contains '/'"),
                config("a series name climbing out of meta/", "bookworm.json",
                        "{\"../" + SERIES + "\": [\"" + SampleSeries.name(1) + "\"]}", "invalid series name"),
                config("an extra rdiff from the image itself", "bookworm.json", "{\"" + SERIES + "\": {\"images\": [\""
                        + SampleSeries.name(1) + "\"], \"extra_rdiffs\": {\"" + SampleSeries.name(1) + "\": [\""
                        + SampleSeries.name(1) + "\"]}}}", "lists the image itself as a source"),
                new Case("a series in two config files", Outcome.ERROR, "is also defined in",
                        g -> g.images.getParent().resolve("puavo-os/config/images/zz.json").toString(), g -> {
                            g.config("bookworm.json", GoodRun.seriesJson());
                            return withConfig(g, g.config("zz.json", GoodRun.seriesJson()));
                        }),
                new Case("a config naming a missing image", Outcome.ERROR, "not found",
                        g -> g.images.resolve(DAY5).toString(),
                        g -> withConfig(g, g.config("bookworm.json", GoodRun.seriesJson(DAY5)))),
                new Case("a config naming a folder", Outcome.ERROR, "is a folder",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            Files.createDirectory(g.images.resolve(DAY5));
                            return withConfig(g, g.config("bookworm.json", GoodRun.seriesJson(DAY5)));
                        }),
                new Case("a config naming a dangling symlink", Outcome.ERROR, "dangling symbolic link",
                        g -> g.images.resolve(DAY5).toString(), g -> {
                            Files.createSymbolicLink(g.images.resolve(DAY5), Path.of("gone.img"));
                            return withConfig(g, g.config("bookworm.json", GoodRun.seriesJson(DAY5)));
                        }),
                new Case("an extra rdiff source that is missing", Outcome.ERROR, "not found",
                        g -> g.images.resolve(DAY5).toString(), g -> withConfig(g, g.config("bookworm.json",
                                "{\"" + SERIES + "\": {\"images\": [\"" + SampleSeries.name(1) + "\"], \"extra_rdiffs\": {\""
                                        + SampleSeries.name(1) + "\": [\"" + DAY5 + "\"]}}}"))),
                new Case("a puavo-os folder without config/images", Outcome.USAGE, "no such folder",
                        g -> g.images.getParent().resolve("puavo-os/config/images").toString(),
                        g -> g.request().puavoOsDirectory(Files.createDirectories(g.images.getParent().resolve("puavo-os")),
                                false).build()),

                // Requests that are wrong in themselves.
                new Case("a repository URL with a space", Outcome.USAGE, "contains whitespace",
                        g -> "https://cdn.example.org/my mirror",
                        g -> g.request().repositoryUrl("https://cdn.example.org/my mirror").build()),
                new Case("a repository URL with another scheme", Outcome.USAGE, "must use https:// or http://",
                        g -> "ftp://cdn.example.org", g -> g.request().repositoryUrl("ftp://cdn.example.org").build()),
                new Case("a repository URL with a query", Outcome.USAGE, "must not contain '?' or '#'",
                        g -> "https://cdn.example.org/?a=b", g -> g.request().repositoryUrl("https://cdn.example.org/?a=b").build()),
                new Case("the mirror is the image folder", Outcome.USAGE, "must not be the image folder",
                        g -> g.images.toString(), g -> g.request().mirrorDirectory(g.images).build()),
                new Case("the image folder inside the mirror", Outcome.USAGE, "must not contain the image folder",
                        g -> g.images.getParent().toString(), g -> g.request().mirrorDirectory(g.images.getParent()).build()),
                new Case("the mirror is a file", Outcome.USAGE, "is not a folder",
                        g -> g.images.getParent().resolve("mirror-file").toString(), g -> g.request()
                                .mirrorDirectory(Files.writeString(g.images.getParent().resolve("mirror-file"), "x")).build()),
                new Case("a missing image folder", Outcome.USAGE, "no such folder",
                        g -> g.images.getParent().resolve("nothing").toString(),
                        g -> MirrorRequest.builder(g.images.getParent().resolve("nothing")).mirrorDirectory(g.mirror).build()),
                new Case("an unknown engine", Outcome.USAGE, "'turbo'", g -> "turbo",
                        g -> g.request().engine("turbo").build()),
                new Case("a negative block size", Outcome.USAGE, "rdiff settings", g -> "",
                        g -> g.request().signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(-128)).build()));
    }

    private static Case skipped(String title, String fileName, String why) {
        return new Case(title, Outcome.WARNING, why, g -> g.images.resolve(fileName).toString().split("\t")[0], g -> {
            Files.write(g.images.resolve(fileName), new byte[1000]);
            return g.request().build();
        });
    }

    private static Case config(String title, String file, String json, String why) {
        return new Case(title, Outcome.ERROR, why,
                g -> g.images.getParent().resolve("puavo-os/config/images").resolve(file).toString(),
                g -> withConfig(g, g.config(file, json)));
    }

    private static MirrorRequest withConfig(GoodRun g, Path puavoOs) {
        return g.request().puavoOsDirectory(puavoOs, false).build();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BadInputCatalogueTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** Makes image 5 a squashfs image holding the given puavo-conf definition files. */
    private static void squashfs(GoodRun g, String name1, String json1, String name2, String json2) throws Exception {
        ExternalTools.require("mksquashfs");
        Path tree = g.images.getParent().resolve("tree");
        Path defs = Files.createDirectories(tree.resolve("usr/share/puavo-conf/definitions"));
        Files.writeString(defs.resolve(name1), json1);
        if (name2 != null) {
            Files.writeString(defs.resolve(name2), json2);
        }
        GoodRun.exec("mksquashfs", tree.toString(), g.images.resolve(DAY5).toString(), "-noappend", "-quiet",
                "-no-progress", "-all-root", "-processors", "1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadInputIsNamedAndTheMirrorStaysAsItWas(Case c) throws Exception {
        GoodRun g = GoodRun.publish(tmp);
        MirrorSnapshot before = MirrorSnapshot.of(g.mirror);
        MirrorRequest request = c.setup().apply(g);

        MirrorException e = g.runExpectingFailure(request);

        String named = c.names().apply(g);
        if (c.outcome() == Outcome.WARNING) {
            assertThat(e).as("the run goes on without it").isNull();
            assertThat(g.warnings()).as("warnings").anyMatch(w -> w.contains(named) && w.contains(c.text()));
            assertThat(g.warnings()).allMatch(w -> !w.contains("\n"));
        } else {
            assertThat(e).as("the run fails").isNotNull();
            assertThat(e.getMessage()).contains(named).contains(c.text()).doesNotContain("\n").doesNotContain("\r");
            assertThat(e.isUsage()).as("usage error: " + e.getMessage()).isEqualTo(c.outcome() == Outcome.USAGE);
        }
        assertThat(MirrorSnapshot.of(g.mirror).changesSince(before)).isEmpty();
        assertThat(MirrorSnapshot.tempFiles(g.mirror)).isEmpty();
    }

    @Test
    void theDefaultLayoutImagesWithTheMirrorInsideIsAllowed() throws Exception {
        GoodRun g = GoodRun.publish(tmp);
        MirrorSnapshot before = MirrorSnapshot.of(g.mirror);

        MirrorSummary s = MirrorJob.run(g.request().mirrorDirectory(g.images.resolve("mirror")).build(),
                MirrorListener.NONE);

        assertThat(s.upToDate()).isTrue();
        assertThat(MirrorSnapshot.of(g.mirror).changesSince(before)).isEmpty();
    }

    @Test
    void aMirrorDeeperInsideTheImageFolderIsAllowedAndPublishesNoneOfItsOwnFiles() throws Exception {
        GoodRun g = GoodRun.publish(tmp);
        Path deep = g.images.resolve("www/pub/mirror");

        MirrorJob.run(g.request().mirrorDirectory(deep).build(), MirrorListener.NONE);
        MirrorSummary again = MirrorJob.run(g.request().mirrorDirectory(deep).build(), MirrorListener.NONE);

        assertThat(again.upToDate()).isTrue();
        assertThat(again.images()).isEqualTo(GoodRun.IMAGES);
        VerifyReport v = MirrorVerify.run(new VerifyRequest(deep, true, "java", 2), MirrorListener.NONE);
        assertThat(v.problems()).isEmpty();
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void anImageThatIsASymlinkIsPublishedAsTheFileItPointsTo() throws Exception {
        // Image folders often link to where builds land; a relative link would dangle in the mirror.
        GoodRun g = GoodRun.publish(tmp);
        Path store = Files.createDirectories(g.images.getParent().resolve("store"));
        Files.write(store.resolve(DAY5), SampleSeries.evolve(Files.readAllBytes(g.images.resolve(SampleSeries.name(4))),
                new java.util.Random(5)));
        Files.createSymbolicLink(g.images.resolve(DAY5), Path.of("..", "store", DAY5));

        MirrorJob.run(g.request().build(), MirrorListener.NONE);

        Path published = g.mirror.resolve(DAY5);
        assertThat(Files.isRegularFile(published, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("a regular file").isTrue();
        assertThat(Files.isSameFile(published, store.resolve(DAY5))).isTrue();
        assertThat(PublishedCheck.entries(g.mirror)).isEmpty();
        assertThat(g.verify(true).problems()).isEmpty();
        assertThat(MirrorJob.run(g.request().build(), MirrorListener.NONE).upToDate()).isTrue();
    }
}
