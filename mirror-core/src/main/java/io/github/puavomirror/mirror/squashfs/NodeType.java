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

/** What kind of file an inode or directory entry describes. */
public enum NodeType {
    DIRECTORY,
    FILE,
    SYMLINK,
    BLOCK_DEVICE,
    CHAR_DEVICE,
    FIFO,
    SOCKET;

    /**
     * Maps an on-disk type: 1..7 are the basic inode types and 8..14 their extended forms, in
     * the same order. Directory entries only ever carry the basic codes.
     */
    static NodeType fromCode(int code) {
        if (code < 1 || code > 14) {
            return null;
        }
        return values()[(code - 1) % 7];
    }
}
