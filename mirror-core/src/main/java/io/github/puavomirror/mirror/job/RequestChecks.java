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

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.nativelib.Engines;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.puavomirror.mirror.job.JobParameter.ENGINE;
import static io.github.puavomirror.mirror.job.JobParameter.IMAGE_DIRECTORY;
import static io.github.puavomirror.mirror.job.JobParameter.MIRROR_DIRECTORY;

/** The usage checks that need the file system or the engines, worded once for all operations. */
public final class RequestChecks {
    private RequestChecks() {
    }

    /** Neither the mirror folder nor the image folder it defaults from is given. */
    public static InvalidParameterException required() {
        return new InvalidParameterException(MIRROR_DIRECTORY, n -> n.of(MIRROR_DIRECTORY) + " is required (or "
                + n.of(IMAGE_DIRECTORY) + ", whose mirror/ it then is)");
    }

    /**
     * Fails unless {@code dir}, which {@code parameter} names, is a folder. The message names the
     * folder as given; the parameter travels with it for front ends that show it.
     */
    static void requireFolder(JobParameter parameter, Path dir) throws MirrorException {
        if (!Files.isDirectory(dir)) {
            String problem = Files.exists(dir) ? "is not a folder" : "no such folder";
            throw MirrorException.usage(new InvalidParameterException(parameter, n -> dir + ": " + problem));
        }
    }

    /**
     * The engine {@code choice} names (null: the environment's), reporting the choice as an info event;
     * librsync spools in {@code spoolFolder} (null: {@code java.io.tmpdir}).
     */
    static RdiffEngine engine(String choice, MirrorListener events, Path spoolFolder) throws MirrorException {
        try {
            return Engines.select(choice, msg -> events.on(new MirrorEvent.Info("engine " + msg)), spoolFolder);
        } catch (IllegalArgumentException e) {
            throw MirrorException.usage(new InvalidParameterException(ENGINE, n -> e.getMessage()));
        }
    }
}
