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

import java.nio.file.Path;

import static io.github.puavomirror.mirror.job.JobParameter.JOBS;

/**
 * What {@link MirrorVerify} checks; {@link MirrorVerify#run} calls {@link #check()} first.
 *
 * @param mirrorDirectory the published mirror
 * @param deep            also apply every rdiff to its source and compare the result with its target
 * @param engine          engine for {@code deep}: {@code auto}, {@code java}, {@code native}, or null
 * @param jobs            files read at once
 */
public record VerifyRequest(Path mirrorDirectory, boolean deep, String engine, int jobs) {

    /** @throws MirrorException a usage error naming the parameter at fault */
    public void check() throws MirrorException {
        if (mirrorDirectory == null) {
            throw MirrorException.usage(RequestChecks.required());
        }
        if (jobs < 1) {
            throw MirrorException.usage(InvalidParameterException.of(JOBS, "must be at least 1, got " + jobs));
        }
    }
}
