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
package io.github.puavomirror.mirror.squashfs;

/** The compressor ids of the squashfs 4.0 superblock. */
public enum Compression {
    GZIP(1, "gzip"),
    LZMA(2, "lzma"),
    LZO(3, "lzo"),
    XZ(4, "xz"),
    LZ4(5, "lz4"),
    ZSTD(6, "zstd");

    private final int id;
    private final String label;

    Compression(int id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The on-disk id. */
    public int id() {
        return id;
    }

    /** The name mksquashfs uses for it ({@code -comp <label>}). */
    public String label() {
        return label;
    }

    /** The compression with this id, or null if the id is unknown. */
    public static Compression fromId(int id) {
        for (Compression c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }
}
