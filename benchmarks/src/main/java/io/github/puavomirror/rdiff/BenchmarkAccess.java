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
 * Opens the engine's package-private hashes to the benchmarks. It lives in the engine's package
 * (a split package on the class path) so that the engine need not make them public.
 */
public final class BenchmarkAccess {
    private BenchmarkAccess() {
    }

    /** The specialised BLAKE2b-256. */
    public static final class Blake2b {
        private final Blake2b256 impl = new Blake2b256();

        public void hash(byte[] data, int off, int len, byte[] out, int outLen) {
            impl.hash(data, off, len, out, 0, outLen);
        }
    }

    /** The strong sum exactly as the engine calls it. */
    public static final class Strong {
        private final StrongSum impl;

        public Strong(SignatureType type) {
            impl = new StrongSum(type);
        }

        public void sum(byte[] data, int off, int len, byte[] out, int outLen) {
            impl.sum(data, off, len, out, 0, outLen);
        }
    }
}
