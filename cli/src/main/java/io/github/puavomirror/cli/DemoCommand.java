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

import io.github.puavomirror.cli.rdiff.FileNames;
import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import io.github.puavomirror.rdiff.RdiffResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** A first run for new users: a small image series, published, verified and shown. */
@Command(name = "demo",
        description = {
            "Make a small sample series of 4 Puavo OS images in DIR, publish it to",
            "DIR/mirror as update-repository does, verify the mirror and show what was",
            "published. Real squashfs images when mksquashfs is installed, plain files",
            "otherwise.",
        },
        sortOptions = false,
        footer = {"", "Exit status: 0 done, 1 failed, 2 usage error."})
public final class DemoCommand implements Callable<Integer> {
    /** Marks a folder the demo made, so running it again there may overwrite its files. */
    static final String MARKER = ".puavo-mirror-demo";
    private static final int CKSUMS_LINES = 4;

    @ParentCommand
    PuavoMirrorCommand parent;

    @Option(names = "--plain", description = "Make plain files even when mksquashfs is installed.")
    boolean plain;

    @Mixin
    EngineOption engineOption;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A new or empty folder, or one an earlier demo made; default: a new temporary folder.")
    Path dirArg;

    @Override
    public Integer call() throws CliFailure {
        String engine = engineOption.name();
        CliIo io = parent.io();
        PrintWriter out = io.outWriter();
        Path dir = prepare();
        Path mirror = dir.resolve("mirror");
        out.println("demo folder: " + dir);

        List<Path> images = makeImages(dir, out);
        out.println();
        out.println("$ puavo-mirror update-repository " + dir);
        out.flush();
        MirrorRequest request = MirrorRequest.builder(dir).mirrorDirectory(mirror).engine(engine).build();
        ProgressRenderer renderer = progress.renderer(io, false);
        MirrorSummary summary;
        try (renderer) {
            summary = MirrorJob.run(request, renderer);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        renderer.summaryLines(summary).forEach(out::println);

        out.println();
        out.println("$ puavo-mirror verify --deep " + mirror);
        out.flush();
        VerifyReport report;
        // A line per checked file would bury the publishing lines above; a bar is fine.
        try (ProgressRenderer verifyRenderer = progress.renderer(io, false, false)) {
            report = MirrorVerify.run(new VerifyRequest(mirror, true, engine, request.jobs()), verifyRenderer);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        report.warnings().forEach(w -> io.err().println("puavo-mirror: warning: " + w));
        int code = VerifyCommand.print(report, out);

        out.println();
        try {
            showMirror(mirror, images, out);
        } catch (IOException e) {
            throw CliFailure.failed(mirror.toString(), FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
        out.flush();
        return code;
    }

    /** The demo's folder, made if needed; a folder with other files in it is refused. */
    private Path prepare() throws CliFailure {
        try {
            if (dirArg == null) {
                Path dir = Files.createTempDirectory("puavo-mirror-demo-");
                Files.createFile(dir.resolve(MARKER));
                return dir;
            }
            Path dir = dirArg.toAbsolutePath().normalize();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw usage(dir + ": is not a folder");
            }
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(MARKER))) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw usage(dir + ": not empty and not made by an earlier demo; give a new or empty folder");
                    }
                }
                Files.createFile(dir.resolve(MARKER));
            }
            return dir;
        } catch (IOException e) {
            throw CliFailure.failed(dirArg == null ? "demo folder" : dirArg.toString(), FileNames.reason(e),
                    RdiffResult.IO_ERROR, e);
        }
    }

    private List<Path> makeImages(Path dir, PrintWriter out) throws CliFailure {
        Path mksquashfs = plain ? null : DemoImages.findMksquashfs();
        List<Path> images;
        try {
            if (mksquashfs != null) {
                out.println("making " + DemoImages.STAMPS.size() + " squashfs images with " + mksquashfs
                        + " (gzip), each with /" + DemoImages.DEFINITIONS + "*.json");
                out.flush();
                try {
                    images = DemoImages.write(dir, mksquashfs);
                } catch (DemoImages.PackFailure e) {
                    out.println(e.getMessage() + "; making plain files instead");
                    images = DemoImages.write(dir, null);
                }
            } else {
                out.println("making " + DemoImages.STAMPS.size() + " plain files standing in for images "
                        + (plain ? "(--plain)" : "(mksquashfs is not installed)")
                        + "; their puavo-conf will be empty");
                images = DemoImages.write(dir, null);
            }
            for (Path image : images) {
                out.println("  " + image.getFileName() + "  " + Sizes.bytes(Files.size(image)));
            }
        } catch (IOException | DemoImages.PackFailure e) {
            String reason = e instanceof IOException io ? FileNames.reason(io) : e.getMessage();
            throw CliFailure.failed(dir.toString(), "making the demo images failed: " + reason, RdiffResult.IO_ERROR, e);
        }
        return images;
    }

    /** The published tree, the head of CKSUMS and where clients find the meta. */
    private static void showMirror(Path mirror, List<Path> images, PrintWriter out) throws IOException {
        out.println("published in " + mirror + ":");
        List<String[]> rows = new ArrayList<>();
        tree(mirror, "  ", rows);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.println(row[1].isEmpty() ? row[0] : row[0] + " ".repeat(width - row[0].length()) + "  " + row[1]);
        }
        out.println("  (" + MirrorJob.STATE_DIR + "/ is the job's own state; it is not published)");

        out.println();
        out.println("first lines of CKSUMS (cksum, size, name):");
        List<String> cksums = Files.readAllLines(mirror.resolve(MirrorJob.CKSUMS_FILE), StandardCharsets.UTF_8);
        cksums.stream().limit(CKSUMS_LINES).forEach(l -> out.println("  " + l));
        if (cksums.size() > CKSUMS_LINES) {
            out.println("  ... " + cksums.size() + " lines in all");
        }

        Path meta = mirror.resolve(MirrorJob.META_DIR).resolve(DemoImages.SERIES + ".json");
        out.println();
        out.println("meta: " + meta);
        out.println("  boot servers read it from " + RepositoryUrl.DEFAULT.metaUrl(DemoImages.SERIES)
                + " (-r URL sets the host)");
        out.println();
        out.println("run it again, and it is up to date:");
        out.println("  bin/puavo-mirror update-repository " + images.get(0).getParent());
    }

    /** Rows of (indented name, size) for the published tree: files first, then folders; hidden entries left out. */
    private static void tree(Path dir, String indent, List<String[]> rows) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        Map<String, Path> folders = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    (Files.isDirectory(p) ? folders : files).put(name, p);
                }
            }
        }
        for (Map.Entry<String, Path> f : files.entrySet()) {
            rows.add(new String[] {indent + f.getKey(), Sizes.bytes(Files.size(f.getValue()))});
        }
        for (Map.Entry<String, Path> f : folders.entrySet()) {
            rows.add(new String[] {indent + f.getKey() + "/", ""});
            tree(f.getValue(), indent + "  ", rows);
        }
    }

    private static CliFailure usage(String message) {
        return new CliFailure(null, message, RdiffResult.SYNTAX_ERROR, ExitCodePolicy.USAGE, null);
    }
}
