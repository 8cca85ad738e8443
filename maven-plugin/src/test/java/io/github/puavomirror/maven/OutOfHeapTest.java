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
