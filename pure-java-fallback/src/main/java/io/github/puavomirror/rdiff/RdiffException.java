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
package io.github.puavomirror.rdiff;

import java.io.IOException;

/**
 * A failure with librsync's result code, thrown by every engine for bad input, so callers can
 * exit with the same status as rdiff.
 */
public class RdiffException extends IOException {
    private static final long serialVersionUID = 1L;

    private final RdiffResult result;

    public RdiffException(RdiffResult result, String detail) {
        super(detail == null || detail.isEmpty() ? result.message() : detail);
        this.result = result;
    }

    public RdiffException(RdiffResult result, String detail, Throwable cause) {
        this(result, detail);
        initCause(cause);
    }

    public RdiffResult result() {
        return result;
    }
}
