package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files made under temporary names and put in place together once all of them are ready. The
 * slow and fallible work (linking or copying images, making and checking rdiffs) happens before
 * any published name changes, so a run that fails there leaves the mirror exactly as it was.
 */
final class StagedFiles {
    /** What to do once a file is in place, such as recording it in the job's state. */
    interface Committed {
        void run() throws IOException;
    }

    private record Staged(Path tmp, Path target, Committed after) {
    }

    private final List<Staged> files = new ArrayList<>();

    synchronized void add(Path tmp, Path target, Committed after) {
        files.add(new Staged(tmp, target, after));
    }

    /** Renames every staged file over its target, in the order staged, each made durable first. */
    synchronized void commitAll() throws IOException {
        while (!files.isEmpty()) {
            Staged s = files.get(0);
            AtomicFiles.commit(s.tmp(), s.target());
            files.remove(0);
            s.after().run();
        }
    }

    /** Deletes the staged files not put in place. */
    synchronized void discard() throws IOException {
        for (Staged s : files) {
            Files.deleteIfExists(s.tmp());
        }
        files.clear();
    }
}
