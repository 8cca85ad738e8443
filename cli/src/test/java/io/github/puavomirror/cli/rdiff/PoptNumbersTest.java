package io.github.puavomirror.cli.rdiff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** popt's strtol(…, 0) rules, as rdiff 2.3.2 showed them. */
class PoptNumbersTest {
    @Test
    void acceptsWhatStrtolAccepts() throws Exception {
        assertThat(PoptNumbers.parse(null, 7)).isEqualTo(7);
        assertThat(PoptNumbers.parse("", 7)).isZero();
        assertThat(PoptNumbers.parse("128", 0)).isEqualTo(128);
        assertThat(PoptNumbers.parse("0x80", 0)).isEqualTo(128);
        assertThat(PoptNumbers.parse("010", 0)).isEqualTo(8);
        assertThat(PoptNumbers.parse(" 12", 0)).isEqualTo(12);
        assertThat(PoptNumbers.parse("+64", 0)).isEqualTo(64);
        assertThat(PoptNumbers.parse("-1", 0)).isEqualTo(-1);
        assertThat(PoptNumbers.parse("0", 0)).isZero();
        assertThat(PoptNumbers.parse("2147483647", 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rejectsWithPoptsWords() {
        for (String bad : new String[] {"x", "12abc", "08", "0x", " ", "+", "12 "}) {
            assertThatThrownBy(() -> PoptNumbers.parse(bad, 0)).hasMessage("invalid numeric value: " + bad);
        }
        for (String big : new String[] {"99999999999", "4294967296", "2147483648", "-2147483649"}) {
            assertThatThrownBy(() -> PoptNumbers.parse(big, 0)).hasMessage("number too large or too small: " + big);
        }
    }
}
