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
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorState.Identity;
import io.github.puavomirror.mirror.job.MirrorState.ImageRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts images into the mirror as hard links to the image folder's files, like upstream; when the
 * two folders are on different file systems it copies instead, once warned. Either way the mirror
 * name appears only when the file is whole (temporary name, then rename).
 */
final class ImagePublisher {
    private final Path mirrorDir;
    private final MirrorState state;
    private final MirrorListener events;
    private final AtomicInteger written;
    private boolean warnedCopy;

    ImagePublisher(Path mirrorDir, MirrorState state, MirrorListener events, AtomicInteger written) {
        this.mirrorDir = mirrorDir;
        this.state = state;
        this.events = events;
        this.written = written;
    }

    /** Whether the mirror already holds this image: the same file, or the copy made of this very version. */
    static boolean isPublished(Path mirrorDir, ImageName image, Path source, ImageRecord rec) throws IOException {
        Path dst = mirrorDir.resolve(image.fileName());
        if (!Files.isRegularFile(dst, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.isSameFile(dst, source)) {
            return true;
        }
        return rec.published() != null && rec.published().equals(Identity.of(dst));
    }

    /** The image's mode: its copy gets the same, as a link would. */
    private static Set<PosixFilePermission> mode(Path source) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(source, PosixFileAttributeView.class);
        return view == null ? AtomicFiles.FILE_MODE : view.readAttributes().permissions();
    }

    /**
     * Warns when others cannot read the image: a web server could not serve it. Its mode is the
     * image folder's to set (the mirror's name is a hard link to the same file), so it is kept.
     */
    private void warnIfPrivate(ImageName image, Path source) throws IOException {
        Set<PosixFilePermission> mode = mode(source);
        if (!mode.contains(PosixFilePermission.OTHERS_READ)) {
            events.on(new MirrorEvent.Warning(source + ": others cannot read it (" + PosixFilePermissions.toString(mode)
                    + "), so a web server may not serve " + image.fileName() + " from the mirror; the mirror keeps the "
                    + "image's mode (it is the same file): chmod a+r it in the image folder"));
        }
    }

    /** Links (or copies) the image under a temporary name in the mirror; it goes in place with the others. */
    void stage(ImageName image, Path source, ImageRecord rec, StagedFiles staged) throws IOException {
        long t0 = System.nanoTime();
        Path dst = mirrorDir.resolve(image.fileName());
        events.on(new MirrorEvent.StepStarted(Step.LINK, image.fileName(), rec.sums().size()));
        Path tmp = AtomicFiles.tempSibling(dst);
        boolean copied = false;
        boolean done = false;
        try {
            try {
                // The real file: a link to a symlink would keep the symlink, whose target may not resolve in the mirror.
                Files.createLink(tmp, source.toRealPath());
            } catch (NoSuchFileException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                if (!warnedCopy) {
                    warnedCopy = true;
                    events.on(new MirrorEvent.Warning(mirrorDir + ": cannot hard-link images into the mirror ("
                            + (e instanceof IOException io ? IoErrors.describe(io) : e.getMessage())
                            + "); copying them instead, which takes their full size again"));
                }
                try {
                    Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                    AtomicFiles.setMode(tmp, mode(source));
                } catch (IOException copyFailed) {
                    throw IoErrors.naming(dst, copyFailed);
                }
                copied = true;
            }
            warnIfPrivate(image, source);
            boolean copy = copied;
            staged.add(tmp, dst, rec.sums(), () -> {
                synchronized (state) {
                    state.images.put(source.toString(), rec.withPublished(copy ? Identity.of(dst) : null));
                }
                written.incrementAndGet();
            });
            done = true;
        } finally {
            if (!done) {
                AtomicFiles.delete(tmp);
            }
        }
        events.on(new MirrorEvent.StepFinished(Step.LINK, image.fileName(), rec.sums().size(),
                System.nanoTime() - t0, true));
    }
}
