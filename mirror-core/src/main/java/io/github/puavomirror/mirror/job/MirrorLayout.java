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

import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.Names;
import io.github.puavomirror.rdiff.nativelib.NativeRdiffEngine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where a mirror keeps what, and which files in it are ours. The published part: images at the
 * top, {@code rdiffs/}, {@code meta/} and {@code CKSUMS}; the job's own part: the hidden state
 * folder with its state file and lock. Any of the folders may be a symlink (an admin may keep
 * rdiffs on another disk): it is followed, and in it only files with our names are touched.
 *
 * <p>Ours are image names and rdiff names as the mirror publishes them (upstream's patterns, see
 * {@link ImageName}), metas, {@code CKSUMS}, the state file, and the temporary files
 * {@link AtomicFiles#tempSibling} makes for those names. Everything else (a README, torrents,
 * {@code my-backup.img}, {@code .keep.abc.tmp}) belongs to someone else and is never removed or
 * reported. {@link MirrorVerify} and {@link MirrorPrune} both ask {@link #unlisted} what is ours and
 * unlisted, so verify's "prune removes it" is exactly what prune removes.
 */
public final class MirrorLayout {
    /** The job's private folder inside the mirror; nothing in it is published. */
    public static final String STATE_DIR = ".puavo-mirror";
    public static final String RDIFFS_DIR = "rdiffs";
    public static final String META_DIR = "meta";
    public static final String CKSUMS_FILE = "CKSUMS";
    private static final String STATE_FILE = "state.json";
    private static final String LOCK_FILE = "lock";
    /** Longest name a meta or CKSUMS may give a published file: the usual NAME_MAX. */
    private static final int MAX_NAME_BYTES = 255;

    /** A file of ours that nothing lists, and why it can go; {@code temporary} for a leftover of an interrupted run. */
    public record Unlisted(Path file, String reason, boolean temporary) {
    }

    private final Path root;

    public MirrorLayout(Path mirrorDirectory) {
        this.root = mirrorDirectory.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path metaDir() {
        return root.resolve(META_DIR);
    }

    public Path rdiffsDir() {
        return root.resolve(RDIFFS_DIR);
    }

    public Path stateDir() {
        return root.resolve(STATE_DIR);
    }

    public Path cksumsFile() {
        return root.resolve(CKSUMS_FILE);
    }

    public Path stateFile() {
        return stateDir().resolve(STATE_FILE);
    }

    public Path lockFile() {
        return stateDir().resolve(LOCK_FILE);
    }

    /** Takes the mirror's lock, making the state folder first if need be. */
    public MirrorLock lock() throws IOException {
        createFolder(stateDir());
        return MirrorLock.acquire(lockFile());
    }

    /** The metas, {@code meta/*.json} without hidden ones, by name: what lists the mirror's files. */
    List<Path> metaFiles() throws IOException {
        return entries(metaDir(), "*.json").stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }

    /** The entries of {@code dir} matching {@code glob}, by name; none when it is not a folder. */
    private static List<Path> entries(Path dir, String glob) throws IOException {
        Map<String, Path> sorted = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                for (Path p : ds) {
                    sorted.put(p.getFileName().toString(), p);
                }
            }
        }
        return new ArrayList<>(sorted.values());
    }

    /**
     * Why a name that a meta or CKSUMS lists cannot be a file of this mirror (it would lie
     * outside it, such as {@code ../../etc/passwd}, or is no name the mirror can publish), or
     * empty when it can. Such a name is never resolved.
     */
    static Optional<String> listedNameProblem(String name) {
        return Names.fileNameProblem(name, MAX_NAME_BYTES);
    }

    /** Where a listed image is published; only for names {@link #listedNameProblem} accepts. */
    Path image(String name) {
        return checkedChild(root, name);
    }

    /** Where a listed rdiff is published; only for names {@link #listedNameProblem} accepts. */
    Path rdiff(String name) {
        return checkedChild(rdiffsDir(), name);
    }

    /** Where a CKSUMS name is published: rdiffs live under {@code rdiffs/}, images at the top. */
    Path published(String name) {
        return name.endsWith(".rdiff") ? rdiff(name) : image(name);
    }

    private static Path checkedChild(Path dir, String name) {
        if (listedNameProblem(name).isPresent()) {
            throw new IllegalArgumentException("not a file name of the mirror: " + Names.escape(name));
        }
        return dir.resolve(name);
    }

    /**
     * Files of ours that {@code listed} does not hold, in the order prune removes them: images at
     * the top, rdiffs, then temporary files of interrupted runs in every folder a run writes to.
     */
    List<Unlisted> unlisted(Set<Path> listed) throws IOException {
        List<Unlisted> out = new ArrayList<>();
        Predicate<String> topTemp = n -> ImageName.tryParse(n).isPresent() || n.equals(CKSUMS_FILE);
        collect(root, n -> ImageName.tryParse(n).isPresent(), "image listed in no meta", topTemp, listed, out);
        collect(rdiffsDir(), ImageName::isRdiffName, "rdiff listed in no meta", ImageName::isRdiffName, listed, out);
        collect(metaDir(), n -> false, null, n -> n.endsWith(".json"), listed, out);
        collect(stateDir(), n -> false, null, n -> n.equals(STATE_FILE) || n.equals(NativeRdiffEngine.SPOOL_NAME),
                listed, out);
        return out;
    }

    private static void collect(Path dir, Predicate<String> published, String unlistedReason,
                                Predicate<String> tempOf, Set<Path> listed, List<Unlisted> out) throws IOException {
        for (Path p : entries(dir, "*")) {
            String name = p.getFileName().toString();
            if (!isFile(p)) {
                continue;
            }
            Optional<String> target = AtomicFiles.tempTarget(name);
            if (target.isPresent()) {
                if (tempOf.test(target.get())) {
                    out.add(new Unlisted(p, "temporary file of an interrupted run", true));
                }
            } else if (published.test(name) && !listed.contains(p)) {
                out.add(new Unlisted(p, unlistedReason, false));
            }
        }
    }

    /** A file or a symlink (removing a symlink removes the link, never what it points to). */
    private static boolean isFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p);
    }

    /** What is wrong when something other than a folder (or a symlink to one) is where the mirror keeps a folder. */
    static Optional<String> notAFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir) || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (Files.isSymbolicLink(dir)) {
            return Optional.of("is a symlink to " + Files.readSymbolicLink(dir) + ", which is not a folder; the mirror "
                    + "keeps files there, so point it at a folder or remove it");
        }
        return Optional.of("is a " + (Files.isRegularFile(dir, LinkOption.NOFOLLOW_LINKS) ? "regular file" : "special file")
                + ", not a folder; the mirror keeps files there, so move it away");
    }

    /**
     * Makes {@code dir} and its missing parents as folders anyone can read ({@code rwxr-xr-x},
     * whatever the umask: a mirror is for serving); one that exists, or a symlink to one, is kept
     * as it is. Something else in its place fails the run with one line saying what is there.
     */
    public static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Optional<String> notAFolder = notAFolder(dir);
        if (notAFolder.isPresent()) {
            throw new MirrorException(dir + ": " + notAFolder.get());
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createFolder(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // Made by another process meanwhile; what matters is that a folder is there.
            createFolder(dir);
            return;
        } catch (IOException e) {
            throw IoErrors.naming(dir, e);
        }
        AtomicFiles.setMode(dir, AtomicFiles.FOLDER_MODE);
    }
}
