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
 * Another run holds the mirror's lock. Front ends give it an exit code of its own, so that a
 * periodic job can tell an overlap from a failure.
 */
public final class MirrorBusyException extends MirrorException {
    private static final long serialVersionUID = 1L;

    public MirrorBusyException(String message) {
        super(message);
    }
}
