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
 * What one signature, delta or patch operation did, with the fields of librsync's
 * {@code rs_stats_t} (all counts are {@code long}; librsync keeps some as {@code int}).
 */
public final class RdiffStats {
    private final String operation;
    private long literalCommands;
    private long literalBytes;
    private long literalCommandBytes;
    private long copyCommands;
    private long copyBytes;
    private long copyCommandBytes;
    private long signatureBlocks;
    private long blockLength;
    private long inBytes;
    private long outBytes;

    /** @param operation librsync's name for it: "signature", "loadsig", "delta" or "patch" */
    public RdiffStats(String operation) {
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    public long literalCommands() {
        return literalCommands;
    }

    public long literalBytes() {
        return literalBytes;
    }

    public long literalCommandBytes() {
        return literalCommandBytes;
    }

    public long copyCommands() {
        return copyCommands;
    }

    public long copyBytes() {
        return copyBytes;
    }

    public long copyCommandBytes() {
        return copyCommandBytes;
    }

    public long signatureBlocks() {
        return signatureBlocks;
    }

    public long blockLength() {
        return blockLength;
    }

    public long inBytes() {
        return inBytes;
    }

    public long outBytes() {
        return outBytes;
    }

    /** Counts one literal command carrying {@code bytes} bytes after a header of {@code headerBytes}. */
    public void addLiteral(long bytes, long headerBytes) {
        literalCommands++;
        literalBytes += bytes;
        literalCommandBytes += headerBytes;
    }

    /** Counts one copy command of {@code bytes} bytes encoded in {@code headerBytes} bytes. */
    public void addCopy(long bytes, long headerBytes) {
        copyCommands++;
        copyBytes += bytes;
        copyCommandBytes += headerBytes;
    }

    /** Adds the commands another part of the same delta wrote. */
    void addCommands(long literals, long literalBytes, long literalHeaders, long copies, long copyBytes,
                     long copyHeaders) {
        literalCommands += literals;
        this.literalBytes += literalBytes;
        literalCommandBytes += literalHeaders;
        copyCommands += copies;
        this.copyBytes += copyBytes;
        copyCommandBytes += copyHeaders;
    }

    public void setSignature(long blocks, long blockLen) {
        this.signatureBlocks = blocks;
        this.blockLength = blockLen;
    }

    public void setLiteral(long commands, long bytes, long commandBytes) {
        this.literalCommands = commands;
        this.literalBytes = bytes;
        this.literalCommandBytes = commandBytes;
    }

    public void setCopy(long commands, long bytes, long commandBytes) {
        this.copyCommands = commands;
        this.copyBytes = bytes;
        this.copyCommandBytes = commandBytes;
    }

    public void addIn(long n) {
        inBytes += n;
    }

    public void addOut(long n) {
        outBytes += n;
    }

    public void setInOut(long in, long out) {
        this.inBytes = in;
        this.outBytes = out;
    }

    @Override
    public String toString() {
        return operation + " stats: literal[" + literalCommands + " cmds, " + literalBytes + " bytes, "
                + literalCommandBytes + " cmdbytes] copy[" + copyCommands + " cmds, " + copyBytes + " bytes, "
                + copyCommandBytes + " cmdbytes] signature[" + signatureBlocks + " blocks, " + blockLength
                + " bytes per block] in " + inBytes + " out " + outBytes;
    }
}
