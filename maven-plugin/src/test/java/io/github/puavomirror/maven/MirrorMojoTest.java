package io.github.puavomirror.maven;

import io.github.puavomirror.rdiff.SignatureType;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MirrorMojoTest {
    @Test
    void parsesAllFourSignatureTypes() throws Exception {
        assertThat(MirrorMojo.signatureType("blake2-rabinkarp")).isEqualTo(SignatureType.BLAKE2_RABINKARP);
        assertThat(MirrorMojo.signatureType("blake2-rollsum")).isEqualTo(SignatureType.BLAKE2_ROLLSUM);
        assertThat(MirrorMojo.signatureType(" MD4-RabinKarp ")).isEqualTo(SignatureType.MD4_RABINKARP);
        assertThat(MirrorMojo.signatureType("md4-rollsum")).isEqualTo(SignatureType.MD4_ROLLSUM);
    }

    @Test
    void rejectsUnknownSignatureTypes() {
        for (String bad : new String[] {"blake2", "sha1-rollsum", "blake2-rabinkarp-x", "", null}) {
            assertThatThrownBy(() -> MirrorMojo.signatureType(bad))
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("use blake2-rabinkarp, blake2-rollsum, md4-rabinkarp or md4-rollsum");
        }
    }
}
