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
package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.OutOfHeapException;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.ParameterNames;
import io.github.puavomirror.mirror.job.ProgressLines;
import io.github.puavomirror.mirror.job.ProgressMode;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

import java.io.File;
import java.nio.file.Path;

/**
 * What the tasks share: {@code failOnError}, the build log as the job's listener, deprecated
 * attribute warnings, and the core's errors as one-line {@link BuildException}s that spell the
 * parameters as attributes ({@code rdiffTargets="…"}).
 */
abstract class PuavoTask extends Task {
    /** A build file's spelling of the contract's parameters. */
    static final ParameterNames NAMES = p -> p == JobParameter.SERIES ? "<series>" : p.canonicalName() + "=\"…\"";

    /** Where the ant launcher takes JVM options from: the tasks run in Ant's JVM. */
    private static final String JAVA_OPTIONS_VARIABLE = "ANT_OPTS";

    private boolean failOnError = true;
    File imageDirectory;
    File mirrorDirectory;

    /** The folder with the built images; the other tasks use it to find {@code imageDirectory/mirror}. */
    public void setImageDirectory(File v) {
        imageDirectory = v;
    }

    /** The published mirror; default {@code imageDirectory/mirror}. */
    public void setMirrorDirectory(File v) {
        mirrorDirectory = v;
    }

    /** @deprecated use {@code mirrorDirectory} */
    @Deprecated
    public void setMirrorDir(File v) {
        deprecated("mirrorDir", "mirrorDirectory");
        mirrorDirectory = v;
    }

    /** The mirror folder as every front end derives it, null when neither folder is set (the core says so). */
    Path mirror() {
        return MirrorRequest.mirrorDirectoryOf(path(mirrorDirectory), path(imageDirectory));
    }

    /** When false, a failed run is logged as an error and the build goes on. */
    public void setFailOnError(boolean v) {
        failOnError = v;
    }

    @Override
    public final void execute() throws BuildException {
        try {
            run();
        } catch (OutOfHeapException e) {
            fail(e.line(JAVA_OPTIONS_VARIABLE), e);
        } catch (OutOfMemoryError e) {
            OutOfHeapException heap = OutOfHeapException.of(e);
            fail(heap.line(JAVA_OPTIONS_VARIABLE), heap);
        } catch (MirrorException e) {
            String text = e.message(NAMES);
            JobParameter p = e.parameter();
            fail(p == null || text.contains(NAMES.of(p)) ? text : NAMES.of(p) + " " + text, e);
        }
    }

    /** The task's work; the core checks its request and names a wrong attribute. */
    abstract void run() throws MirrorException;

    private void fail(String message, Exception cause) {
        if (failOnError) {
            throw new BuildException(message, cause, getLocation());
        }
        log(message, Project.MSG_ERR);
    }

    void deprecated(String old, String instead) {
        log("attribute " + old + " is deprecated: use " + instead, Project.MSG_WARN);
    }

    static Path path(File f) {
        return f == null ? null : f.toPath();
    }

    /** The job's events in the build log, progress as a line every few seconds unless {@code none}. */
    MirrorListener log(ProgressMode progress) {
        MirrorListener lines = progress == ProgressMode.NONE ? MirrorListener.NONE
                : new ProgressLines(line -> log(line, Project.MSG_INFO), System::nanoTime, ProgressLines.INTERVAL_NANOS);
        return event -> {
            // Worker threads report too; one message at a time keeps the log readable.
            synchronized (this) {
                if (event instanceof MirrorEvent.Info i) {
                    log(i.message(), Project.MSG_INFO);
                } else if (event instanceof MirrorEvent.Warning w) {
                    log(w.message(), Project.MSG_WARN);
                } else {
                    logEvent(event);
                }
            }
            lines.on(event);
        };
    }

    /** The operation's own events (plan, steps, summary), beyond notes and warnings. */
    void logEvent(MirrorEvent event) {
    }

    /** A file the job wrote or sent, with its size, at {@code level}. */
    void logChanged(MirrorEvent event, int level) {
        if (event instanceof MirrorEvent.StepFinished f && f.changed()) {
            log(f.step().label() + " " + f.name() + " (" + f.bytes() + " bytes)", level);
        }
    }
}
