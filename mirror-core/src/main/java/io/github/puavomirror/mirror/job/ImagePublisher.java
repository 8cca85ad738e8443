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
                } catch (IOException copyFailed) {
                    throw IoErrors.naming(dst, copyFailed);
                }
                copied = true;
            }
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
