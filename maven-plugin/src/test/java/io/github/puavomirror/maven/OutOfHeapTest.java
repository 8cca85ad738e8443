package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.job.MirrorException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Too little heap in Maven's JVM is one message naming MAVEN_OPTS, whatever the goal ran into. */
class OutOfHeapTest {
    /** A goal whose work runs out of memory. */
    private static final class Starved extends AbstractPuavoMojo {
        @Override
        String goal() {
            return "starved";
        }

        @Override
        boolean skipGoal() {
            return false;
        }

        @Override
        void run() throws MirrorException {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anOutOfMemoryErrorIsOneMessageNamingMavenOpts() {
        assertThatThrownBy(() -> new Starved().execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageMatching("out of memory \\(Java heap space\\) with a heap of [0-9.]+ [MG]iB;"
                        + " give it more with MAVEN_OPTS=-Xmx\\d+[mg]");
    }
}
