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
package io.github.puavomirror.cli.rdiff;

import io.github.puavomirror.rdiff.RdiffStats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The lines rdiff's {@code -s} prints (librsync's {@code rs_log_stats}), in the same format, so
 * scripts that read them keep working. librsync's extra "match statistics" line is not printed:
 * the engines do not report hash-table probes.
 */
final class StatsFormat {
    private StatsFormat() {
    }

    /** What one operation did, as {@code rs_format_stats} counts it. */
    record Counts(String operation, long literalCommands, long literalBytes, long literalCommandBytes,
                  long copyCommands, long copyBytes, long copyCommandBytes,
                  long signatureBlocks, long blockLength, long inBytes, long outBytes) {

        /** The engine's literal and copy counts with the bytes the CLI counted on its streams. */
        static Counts of(String operation, RdiffStats s, long in, long out) {
            if (s == null) {
                return new Counts(operation, 0, 0, 0, 0, 0, 0, 0, 0, in, out);
            }
            return new Counts(operation, s.literalCommands(), s.literalBytes(), s.literalCommandBytes(),
                    s.copyCommands(), s.copyBytes(), s.copyCommandBytes(), 0, 0, in, out);
        }

        static Counts signature(String operation, long blocks, long blockLength, long in, long out) {
            return new Counts(operation, 0, 0, 0, 0, 0, 0, blocks, blockLength, in, out);
        }
    }

    /**
     * One line, e.g. {@code librsync: delta statistics: literal[1 cmds, 568 bytes, 3 cmdbytes]
     * copy[2 cmds, 4232 bytes, 9 cmdbytes, 0 false] speed[0.0 MB (0.0 MB/s) in, 0.0 MB (0.0 MB/s)
     * out, 1 sec]}; the sections and spaces are librsync's, including its double space when only
     * a literal section precedes the speed.
     */
    static String line(Counts c, long seconds) {
        StringBuilder b = new StringBuilder("librsync: ").append(c.operation()).append(" statistics: ");
        if (c.literalCommands() != 0) {
            b.append("literal[").append(c.literalCommands()).append(" cmds, ").append(c.literalBytes())
                    .append(" bytes, ").append(c.literalCommandBytes()).append(" cmdbytes] ");
        }
        if (c.copyCommands() != 0) {
            b.append("copy[").append(c.copyCommands()).append(" cmds, ").append(c.copyBytes())
                    .append(" bytes, ").append(c.copyCommandBytes()).append(" cmdbytes, 0 false]");
        }
        if (c.signatureBlocks() != 0) {
            b.append("signature[").append(c.signatureBlocks()).append(" blocks, ").append(c.blockLength())
                    .append(" bytes per block]");
        }
        long sec = seconds <= 0 ? 1 : seconds;
        double mbIn = c.inBytes() / 1e6;
        double mbOut = c.outBytes() / 1e6;
        b.append(" speed[").append(oneDecimal(mbIn)).append(" MB (").append(oneDecimal(mbIn / sec))
                .append(" MB/s) in, ").append(oneDecimal(mbOut)).append(" MB (").append(oneDecimal(mbOut / sec))
                .append(" MB/s) out, ").append(sec).append(" sec]");
        return b.toString();
    }

    /** printf's {@code %.1f}: the exact binary value rounded half to even, never a locale comma. */
    static String oneDecimal(double v) {
        return new BigDecimal(v).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
