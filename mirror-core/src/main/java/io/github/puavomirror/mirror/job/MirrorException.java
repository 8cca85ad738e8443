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

import java.io.IOException;

/**
 * A failed run, with a one-line message that names the file and the problem. {@link #isUsage()}
 * marks mistakes in what was asked (a missing folder, a bad URL), which front ends report as
 * usage errors; everything else is a failed job. A usage error about one parameter carries it
 * ({@link #parameter()}), and {@link #message(ParameterNames)} words it with the front end's names.
 */
public class MirrorException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean usage;

    public MirrorException(String message) {
        this(message, false, null);
    }

    public MirrorException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private MirrorException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A mistake in the request itself. */
    public static MirrorException usage(String message) {
        return new MirrorException(message, true, null);
    }

    /** A mistake in one parameter of the request. */
    public static MirrorException usage(InvalidParameterException problem) {
        return new MirrorException(problem.getMessage(), true, problem);
    }

    /** The parameter at fault, or null when the error is not about one. */
    public JobParameter parameter() {
        return getCause() instanceof InvalidParameterException p && usage ? p.parameter() : null;
    }

    /** The message, with parameters spelled as {@code names} spells them. */
    public String message(ParameterNames names) {
        return getCause() instanceof InvalidParameterException p && usage ? p.message(names) : getMessage();
    }

    public boolean isUsage() {
        return usage;
    }
}
