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

/**
 * One name in a directory listing.
 *
 * @param name the name, decoded as UTF-8 (squashfs stores raw bytes)
 * @param type the entry's file type as recorded in the directory
 * @param inodeRef where the inode lives: metadata block offset in the inode table shifted left
 *     by 16, plus the offset inside the uncompressed block
 * @param inodeNumber the inode number
 */
public record DirectoryEntry(String name, NodeType type, long inodeRef, long inodeNumber) {}
