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
package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.OutOfHeapException;
import io.github.puavomirror.mirror.job.ParameterNames;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * What every goal shares: the image and mirror folders, the skips, and the translation of the
 * core's errors into Maven's two kinds of failure, with parameters spelled as in a pom.
 */
abstract class AbstractPuavoMojo extends AbstractMojo {
    /** The pom's spelling of the contract's parameters: {@code <rdiffTargets>}. */
    static final ParameterNames NAMES = p -> "<" + name(p) + ">";

    /**
     * The folder with the built {@code .img} files, e.g. puavo-os's {@code /srv/puavo-os-images}.
     * Required by {@code mirror}; the other goals use it only to find the mirror when
     * {@code mirrorDirectory} is not set.
     */
    @Parameter(property = "puavo.imageDirectory")
    protected File imageDirectory;

    /**
     * The published mirror: images (hard links into {@code imageDirectory} where possible),
     * {@code rdiffs/}, {@code meta/<series>.json} and {@code CKSUMS}, plus the job's private
     * {@code .puavo-mirror/} state. Upload everything but that state folder. Unset:
     * {@code <imageDirectory>/mirror}, as for the command line. Keep it out of
     * {@code ${project.build.directory}}: {@code mvn clean} would delete the mirror and its rdiffs.
     */
    @Parameter(property = "puavo.mirrorDirectory")
    protected File mirrorDirectory;

    /** Skips every goal of this plugin, e.g. {@code -Dpuavo.skip} on a build machine without images. */
    @Parameter(property = "puavo.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping puavo:" + goal() + " (" + (skip ? "skip" : "puavo." + goal() + ".skip")
                    + " is set)");
            return;
        }
        try {
            run();
        } catch (OutOfHeapException e) {
            // Maven's own heap: the fix is in the environment of the mvn command, not in the pom.
            throw new MojoExecutionException(e.line("MAVEN_OPTS"), e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(OutOfHeapException.of(e).line("MAVEN_OPTS"), e);
        } catch (MirrorException e) {
            // The core's messages name the file and the problem; both kinds are the user's to fix
            // (a usage mistake, or a mirror or image in a bad state), not a plugin bug.
            throw new MojoFailureException(message(e), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("puavo:" + goal() + " failed unexpectedly: " + e, e);
        }
    }

    /** The core's message in the pom's words; a usage error that does not name its parameter gets it in front. */
    static String message(MirrorException e) {
        String text = e.message(NAMES);
        JobParameter p = e.parameter();
        return p == null || text.contains(NAMES.of(p)) ? text : NAMES.of(p) + " " + text;
    }

    /**
     * The mirror folder: {@code mirrorDirectory}, else {@code <imageDirectory>/mirror} (null
     * when neither is set: the core says so). Warns when {@code mvn clean} would delete it.
     */
    Path mirror() {
        Path mirror = MirrorRequest.mirrorDirectoryOf(path(mirrorDirectory), path(imageDirectory));
        if (mirror != null && buildDirectory != null
                && mirror.toAbsolutePath().normalize().startsWith(buildDirectory.toPath().toAbsolutePath().normalize())) {
            getLog().warn("The mirror " + mirror + " is under " + buildDirectory + ": mvn clean deletes it, its state"
                    + " and every rdiff built. Set <mirrorDirectory> (or <imageDirectory>) outside the build folder.");
        }
        return mirror;
    }

    /**
     * The pom's name of a contract parameter: its canonical name, except {@code uploadTo} for the
     * upload's destination, since in a pom {@code <destination>} would not say that it is where the
     * mirror goes up to rather than where the build writes.
     */
    static String name(JobParameter p) {
        return p == JobParameter.DESTINATION ? "uploadTo" : p.canonicalName();
    }

    static Path path(File f) {
        return f == null ? null : f.toPath();
    }

    /** The goal name, for messages and its skip property {@code puavo.<goal>.skip}. */
    abstract String goal();

    /** This goal's own skip ({@code puavo.<goal>.skip}). */
    abstract boolean skipGoal();

    /** The goal's work, with the skips already handled. */
    abstract void run() throws MojoExecutionException, MojoFailureException, MirrorException;
}
