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
package io.github.puavomirror.rdiff.nativelib;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The whole-file part of librsync 2.x's C API. Only valid on LP64 platforms, where
 * {@code size_t} is a Java {@code long}; the loader checks that before binding.
 *
 * <p>Every call here can abort() the process on misuse (librsync keeps its asserts), so
 * {@link NativeRdiffEngine} validates all arguments before calling.
 */
interface LibRsync extends Library {

    /** {@code rs_loglevel} RS_LOG_ERR: only errors reach the trace callback. */
    int RS_LOG_ERR = 3;

    int rs_sig_file(Pointer oldFile, Pointer sigFile, long blockLen, long strongLen, int magic, Pointer stats);

    int rs_loadsig_file(Pointer sigFile, PointerByReference sumset, Pointer stats);

    int rs_build_hash_table(Pointer sumset);

    int rs_delta_file(Pointer sumset, Pointer newFile, Pointer deltaFile, Pointer stats);

    int rs_patch_file(Pointer basisFile, Pointer deltaFile, Pointer newFile, Pointer stats);

    void rs_free_sumset(Pointer sumset);

    String rs_strerror(int result);

    void rs_trace_set_level(int level);

    void rs_trace_to(TraceCallback callback);

    /** {@code rs_trace_fn_t}: librsync calls it on the thread that made the failing call. */
    interface TraceCallback extends Callback {
        void invoke(int level, String message);
    }
}
