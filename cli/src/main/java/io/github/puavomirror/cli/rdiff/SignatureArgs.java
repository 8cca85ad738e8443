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

import io.github.puavomirror.rdiff.SignatureType;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * rdiff's signature options, shared by {@code rdiff} and {@code diff}. Values are kept as text and
 * parsed the way popt does ({@link PoptNumbers}), and the names are checked only when a signature
 * is made, because rdiff ignores {@code -H}/{@code -R} for delta and patch.
 */
final class SignatureArgs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-b", "--block-size"}, paramLabel = "BYTES",
            description = "Signature block size, 0 (default) for recommended.")
    String blockSize;

    @Option(names = {"-S", "--sum-size"}, paramLabel = "BYTES",
            description = "Signature strength, 0 (default) for max, -1 for min.")
    String sumSize;

    @Option(names = {"-H", "--hash"}, paramLabel = "ALG",
            description = "Hash algorithm: blake2 (default), md4.")
    String hash;

    @Option(names = {"-R", "--rollsum"}, paramLabel = "ALG",
            description = "Rollsum algorithm: rabinkarp (default), rollsum.")
    String rollsum;

    int blockLength() {
        return number(blockSize);
    }

    int strongLength() {
        return number(sumSize);
    }

    /** Parses an int option the way rdiff does; a bad one is a usage error. */
    int number(String text) {
        try {
            return PoptNumbers.parse(text, 0);
        } catch (PoptNumbers.BadNumber e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /** The signature kind {@code -H} and {@code -R} name; an unknown name is a usage error, as in rdiff. */
    SignatureType type() {
        try {
            return SignatureType.ofAlgorithms(hash == null ? SignatureType.DEFAULT.hashName() : hash,
                    rollsum == null ? SignatureType.DEFAULT.rollsumName() : rollsum);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
