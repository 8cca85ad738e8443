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

/**
 * A request that asks for something impossible, naming the parameter at fault. The message is
 * worded once, here in the core, with the parameter names left to the front end:
 * {@link #message(ParameterNames)} renders it as the user typed it.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The message, given the front end's names of the parameters it mentions. */
    @FunctionalInterface
    public interface Wording {
        String text(ParameterNames names);
    }

    private final JobParameter parameter;
    private final transient Wording wording;

    public InvalidParameterException(JobParameter parameter, Wording wording) {
        super(wording.text(ParameterNames.CANONICAL));
        this.parameter = parameter;
        this.wording = wording;
    }

    /** {@code <name>: <problem>}, the common shape of a problem with one parameter's value. */
    public static InvalidParameterException of(JobParameter parameter, String problem) {
        return new InvalidParameterException(parameter, names -> names.of(parameter) + ": " + problem);
    }

    /** The parameter at fault (the first one named, when a rule involves several). */
    public JobParameter parameter() {
        return parameter;
    }

    public String message(ParameterNames names) {
        return wording.text(names);
    }
}
