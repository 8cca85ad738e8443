package io.github.puavomirror.rdiff.nativelib;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** The few libc calls needed to hand librsync {@code FILE*} streams, and to name its file. */
interface LibC extends Library {

    /** @param path NUL-terminated file name bytes, as the kernel sees them */
    Pointer fopen(byte[] path, String mode);

    int fclose(Pointer file);

    String strerror(int errnum);

    int dladdr(Pointer address, DlInfo info);

    /** glibc's {@code Dl_info}. */
    @Structure.FieldOrder({"dli_fname", "dli_fbase", "dli_sname", "dli_saddr"})
    final class DlInfo extends Structure {
        public String dli_fname;
        public Pointer dli_fbase;
        public String dli_sname;
        public Pointer dli_saddr;
    }
}
