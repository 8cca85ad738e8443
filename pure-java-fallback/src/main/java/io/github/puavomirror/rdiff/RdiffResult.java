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

/**
 * librsync's {@code rs_result} codes. rdiff exits with the code, so the CLI does too.
 */
public enum RdiffResult {
    DONE(0, "OK"),
    IO_ERROR(100, "IO error"),
    SYNTAX_ERROR(101, "bad command line syntax"),
    MEM_ERROR(102, "out of memory"),
    INPUT_ENDED(103, "unexpected end of input"),
    BAD_MAGIC(104, "bad magic number at start of stream"),
    UNIMPLEMENTED(105, "unimplemented case"),
    CORRUPT(106, "stream corrupt"),
    INTERNAL_ERROR(107, "library internal error"),
    PARAM_ERROR(108, "unexplained problem");

    private final int code;
    private final String message;

    RdiffResult(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The numeric {@code rs_result} value, also rdiff's exit status. */
    public int code() {
        return code;
    }

    /** The text librsync's {@code rs_strerror} gives for this code. */
    public String message() {
        return message;
    }

    /** The result for a numeric code; unknown codes map to {@link #INTERNAL_ERROR}. */
    public static RdiffResult ofCode(int code) {
        for (RdiffResult r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return INTERNAL_ERROR;
    }
}
