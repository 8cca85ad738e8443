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
import com.sun.jna.Structure;

/** The few libc calls needed to hand librsync {@code FILE*} streams, and to name its file. */
interface LibC extends Library {

    /** @param path NUL-terminated file name bytes, as the kernel sees them */
    Pointer fopen(byte[] path, String mode);

    int fclose(Pointer file);

    /** glibc's {@code fopencookie}: a {@code FILE*} whose reads, writes and seeks call {@code functions}. */
    Pointer fopencookie(Pointer cookie, String mode, CookieFunctions functions);

    /** {@code _IOFBF} for {@link #setvbuf}. */
    int IOFBF = 0;

    int setvbuf(Pointer file, Pointer buffer, int mode, long size);

    String strerror(int errnum);

    int dladdr(Pointer address, DlInfo info);

    /** {@code cookie_io_functions_t}, passed by value; a null function makes that operation fail. */
    @Structure.FieldOrder({"read", "write", "seek", "close"})
    final class CookieFunctions extends Structure implements Structure.ByValue {
        public CookieRead read;
        public CookieWrite write;
        public CookieSeek seek;
        public CookieClose close;
    }

    /** {@code ssize_t read(void *cookie, char *buf, size_t size)}: bytes read, 0 at the end, -1 on error. */
    interface CookieRead extends Callback {
        long invoke(Pointer cookie, Pointer buffer, long size);
    }

    /** {@code ssize_t write(void *cookie, const char *buf, size_t size)}: bytes written, -1 on error. */
    interface CookieWrite extends Callback {
        long invoke(Pointer cookie, Pointer buffer, long size);
    }

    /** {@code int seek(void *cookie, off64_t *offset, int whence)}: 0 with the new position in {@code *offset}, -1 on error. */
    interface CookieSeek extends Callback {
        int invoke(Pointer cookie, Pointer offset, int whence);
    }

    /** {@code int close(void *cookie)}. */
    interface CookieClose extends Callback {
        int invoke(Pointer cookie);
    }

    /** glibc's {@code Dl_info}. */
    @Structure.FieldOrder({"dli_fname", "dli_fbase", "dli_sname", "dli_saddr"})
    final class DlInfo extends Structure {
        public String dli_fname;
        public Pointer dli_fbase;
        public String dli_sname;
        public Pointer dli_saddr;
    }
}
