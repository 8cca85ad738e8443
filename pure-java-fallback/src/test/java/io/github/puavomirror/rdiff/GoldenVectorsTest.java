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

import static io.github.puavomirror.rdiff.ByteDiff.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the committed golden vectors themselves, without an engine: the exact bytes
 * docs/rdiff-formats.md §4 and docs/matching.md §8 give, and every signature block recomputed from the basis with {@link WeakSums} and
 * BouncyCastle's BLAKE2b/MD4. A stale or hand-edited golden file fails here, not in an engine run.
 */
class GoldenVectorsTest {

    @Test
    void specExample1RepeatedBlocks() {
        GoldenCase c = GoldenCase.named("spec-example1-repeated-blocks");
        assertThat(hex(c.delta())).isEqualTo(
                "72730236" + "46000100" + "46000100" + "0358595a" + "46000100" + "46000100" + "047461696c" + "00");
        byte[] block = Arrays.copyOf(c.oldFile(), 256);
        String entry = "c1972381" + hex(strong(SignatureType.BLAKE2_RABINKARP, block, 32));
        assertThat(entry).startsWith("c197238139a7eb9f");
        assertThat(hex(c.signature())).isEqualTo("72730147" + "00000100" + "00000020" + entry.repeat(4));
    }

    @Test
    void specAbcSignatures() {
        assertThat(hex(GoldenCase.named("spec-abc-default").signature())).isEqualTo(
                "727301470000010000000020" + "66298923"
                        + "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
        assertThat(hex(GoldenCase.named("spec-abc-md4-rollsum").signature())).isEqualTo(
                "727301360000010000000010" + "03040183" + "a448017aaf21d8525fc10ae87aa6729d");
    }

    @Test
    void slackDeltaUsesBlockLengthChunks() {
        GoldenCase c = GoldenCase.named("empty-old-slack-default");
        assertThat(ByteDiff.commands(c.delta())).isEqualTo("LIT(256) LIT(256) LIT(88) END");
        assertThat(hex(Arrays.copyOf(c.delta(), 7))).isEqualTo("72730236420100");
        assertThat(ByteDiff.commands(GoldenCase.named("empty-old-slack-b100").delta()))
                .isEqualTo("LIT(100) LIT(100) LIT(50) END");
        assertThat(ByteDiff.commands(GoldenCase.named("empty-old-slack-b1").delta()))
                .isEqualTo(String.join(" ", Collections.nCopies(20, "LIT(1)")) + " END");
        assertThat(hex(GoldenCase.named("empty-both").delta())).isEqualTo("7273023600");
    }

    @Test
    void literalRunsAreSplitAt32768() {
        // 232 unmatched basis bytes + 33000 inserted bytes: one full run, then the rest.
        assertThat(ByteDiff.commands(GoldenCase.named("literal-run-over-32k").delta()))
                .isEqualTo("COPY(0,768) LIT(32768) LIT(644) COPY(1280,720) END");
    }

    /** The cases built to hit one matcher rule each still do (a regenerated input could miss it). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "block-2048 | COPY(0,2048) LIT(8) COPY(2048,4096) LIT(300) COPY(6144,856) END",
            "old-shorter-than-block | LIT(50) COPY(0,100) END",
            "new-shorter-than-block | LIT(2) COPY(1792,208) END",
            "block-larger-than-file | LIT(2) COPY(0,500) END",
            "short-last-block-merge | LIT(30) COPY(256,744) END",
            "short-last-block-mid-file | LIT(30) COPY(256,512) LIT(232) COPY(0,256) END",
            "exact-multiple | COPY(768,256) COPY(256,256) COPY(0,256) END",
            "identical | COPY(0,3000) END",
            "pipe-default | COPY(0,4096) LIT(2) COPY(4096,1904) END",
            "pipe-min-strong | LIT(1) COPY(0,3000) END",
            "empty-new | END"})
    void matcherCasesHaveTheirIntendedShape(String name, String commands) {
        assertThat(ByteDiff.commands(GoldenCase.named(name).delta())).isEqualTo(commands);
    }

    @Test
    void pipeSignaturesUseUnknownSizeDefaults() {
        assertThat(hex(Arrays.copyOf(GoldenCase.named("pipe-default").signature(), 12)))
                .isEqualTo("727301470000080000000020");
        assertThat(hex(Arrays.copyOf(GoldenCase.named("pipe-min-strong").signature(), 12)))
                .isEqualTo("72730137000008000000000c");
    }

    @Test
    void sqrtRuleCaseIsOver64KiB() {
        GoldenCase c = GoldenCase.named("block-default-sqrt");
        assertThat(c.oldFile().length).isGreaterThan(65536);
        ByteBuffer h = ByteBuffer.wrap(c.signature());
        h.getInt();
        assertThat(h.getInt()).isEqualTo(SignatureOptions.recommendedBlockLength(c.oldFile().length));
        assertThat(h.getInt()).isEqualTo(SignatureOptions.minStrongLength(c.oldFile().length, 256));
    }

    @Test
    void everySignatureBlockMatchesItsBasis() throws RdiffException {
        List<GoldenCase> cases = GoldenCase.all();
        assertThat(cases).hasSizeGreaterThan(40);
        for (GoldenCase c : cases) {
            ByteBuffer sig = ByteBuffer.wrap(c.signature());
            SignatureType type = SignatureType.ofMagic(sig.getInt());
            int block = sig.getInt();
            int strongLen = sig.getInt();
            long length = c.fromPipe() ? -1 : c.oldFile().length;
            assertThat(c.options().resolve(length)).as(c + " header")
                    .isEqualTo(new SignatureParams(type, block, strongLen));
            byte[] old = c.oldFile();
            for (int off = 0; off < old.length; off += block) {
                int n = Math.min(block, old.length - off);
                int weak = type.rabinKarp() ? WeakSums.rabinKarp(old, off, n) : WeakSums.rollsum(old, off, n);
                assertThat(sig.getInt()).as("%s weak sum of block at %d", c, off).isEqualTo(weak);
                byte[] stored = new byte[strongLen];
                sig.get(stored);
                assertThat(hex(stored)).as("%s strong sum of block at %d", c, off)
                        .isEqualTo(hex(strong(type, Arrays.copyOfRange(old, off, off + n), strongLen)));
            }
            assertThat(sig.remaining()).as(c + " trailing bytes").isZero();
        }
    }

    private static byte[] strong(SignatureType type, byte[] data, int length) {
        Digest d = type.blake2() ? new Blake2bDigest(256) : new MD4Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return Arrays.copyOf(out, length);
    }
}
