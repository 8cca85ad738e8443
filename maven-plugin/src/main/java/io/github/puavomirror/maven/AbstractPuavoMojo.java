package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.OutOfHeapException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * What every goal shares: the mirror folder, {@code skip}, and the translation of the core's
 * errors into Maven's two kinds of failure.
 */
abstract class AbstractPuavoMojo extends AbstractMojo {

    /**
     * The published mirror: images (hard links into {@code imageDirectory} where possible),
     * {@code rdiffs/}, {@code meta/<series>.json} and {@code CKSUMS}, plus the job's private
     * {@code .puavo-mirror/} state. Upload everything but that state folder.
     */
    @Parameter(property = "puavo.mirrorDirectory", defaultValue = "${project.build.directory}/mirror", required = true)
    protected File mirrorDirectory;

    /** Skips the goal, e.g. {@code -Dpuavo.skip} on a build machine without images. */
    @Parameter(property = "puavo.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping puavo:" + goal() + " (skip is set)");
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
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("puavo:" + goal() + " failed unexpectedly: " + e, e);
        }
    }

    /** The goal name, for messages. */
    abstract String goal();

    /** The goal's work, with {@code skip} already handled. */
    abstract void run() throws MojoExecutionException, MojoFailureException, MirrorException;
}
