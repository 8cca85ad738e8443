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
import java.io.InputStream;

/**
 * Loads a signature file as librsync 2.3.2's {@code readsums.c} does: the header checked by
 * {@link SignatureHeader}, then the blocks until the input ends (docs/rdiff-formats.md §6).
 */
final class SignatureReader {
    private SignatureReader() {
    }

    static Signature load(InputStream in, RdiffStats stats) throws IOException {
        SignatureHeader header = SignatureHeader.read(in);
        int blockLen = header.blockLength();
        Signature sig = new Signature(header.params());
        stats.addIn(SignatureHeader.LENGTH);
        int entry = header.entryLength();
        byte[] buf = new byte[entry * 4096];
        int have = 0;
        while (true) {
            int n = in.read(buf, have, buf.length - have);
            if (n > 0) {
                have += n;
                stats.addIn(n);
                if (have < buf.length) {
                    continue;
                }
            }
            int off = 0;
            while (have - off >= entry) {
                sig.addBlock(getInt(buf, off), buf, off + 4);
                off += entry;
            }
            if (n < 0) {
                // A partial weak sum at the end is accepted (RS_INPUT_ENDED -> RS_DONE in
                // rs_loadsig_s_weak); a weak sum without its whole strong sum is not.
                if (have - off >= 4) {
                    throw new RdiffException(RdiffResult.INPUT_ENDED,
                            "signature ends inside the strong sum of block " + sig.count());
                }
                break;
            }
            System.arraycopy(buf, off, buf, 0, have - off);
            have -= off;
        }
        sig.buildIndex();
        stats.setSignature(sig.count(), blockLen);
        return sig;
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
