package io.pergola.core.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerRangeTest {

  @ParameterizedTest(name = "{0} admits {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "^1.2.3;1.2.3",
        "^1.2.3;1.9.9",
        "^0.2.3;0.2.9",
        "^0.0.3;0.0.3",
        "^0.0;0.0.7",
        "^1.x;1.5.0",
        "^0.x;0.9.0",
        "~1.2.3;1.2.9",
        "~1.2;1.2.0",
        "~1;1.9.0",
        "~>1.2;1.2.4",
        "1.x;1.0.0",
        "1.2.*;1.2.7",
        "*;0.0.1",
        "x;5.0.0",
        "1;1.4.0",
        "1.2.3;1.2.3",
        "=1.2.3;1.2.3",
        ">=1.0.0 <2.0.0;1.5.0",
        ">= 1.0.0 < 2;1.9.9",
        ">1.2;1.3.0",
        ">1;2.0.0",
        "<=1.2;1.2.9",
        "1.2.3 - 2.3.4;2.3.4",
        "1.2 - 2.3.4;1.2.0",
        "1.2.3 - 2.3;2.3.9",
        "1.2.3 - 2;2.9.9",
        "1.x || >=2.5.0;3.0.0",
        "1.x || >=2.5.0;1.1.0",
        ">=1.3.0-beta;1.3.0-beta.2",
        "^1.3.0-beta;1.3.0-beta.1",
        "^1.3.0-beta;1.4.0",
        "~1.2.3-beta.2;1.2.3-beta.4",
      })
  void admits(String range, String version) {
    assertThat(SemVerRange.parse(range).isSatisfiedBy(SemVer.parse(version))).isTrue();
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "^1.2.3;2.0.0",
        "^1.2.3;1.2.2",
        "^0.2.3;0.3.0",
        "^0.0.3;0.0.4",
        "^0.0;0.1.0",
        "~1.2.3;1.3.0",
        "~1.2;1.3.0",
        "~1;2.0.0",
        "1.x;2.0.0",
        "1.2.*;1.3.0",
        "1.2.3;1.2.4",
        ">=1.0.0 <2.0.0;2.0.0",
        ">1.2;1.2.9",
        ">1;1.9.9",
        "<1.2;1.2.0",
        "<=1.2;1.3.0",
        "1.2.3 - 2.3.4;2.3.5",
        "1.2.3 - 2.3;2.4.0",
        "1.x || >=2.5.0;2.4.0",
        "^1.2.0;1.3.0-beta",
        ">=1.3.0-beta;1.4.0-beta",
        "^1.2.3;2.0.0-beta",
        "*;1.0.0-rc.1",
      })
  void refuses(String range, String version) {
    assertThat(SemVerRange.parse(range).isSatisfiedBy(SemVer.parse(version))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"^", "1.2.3.4", "^a.b", ">=1.0.0 <", "1 - 2 - 3", "latest", "~01.2"})
  void refusesInvalidRangesQuotingThem(String range) {
    assertThatThrownBy(() -> SemVerRange.parse(range))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("\"" + range + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^3.4.0", "1.x || >=2.5.0"})
  void keepsItsTextAndValueSemantics(String range) {
    assertThat(SemVerRange.parse(range)).hasToString(range).isEqualTo(SemVerRange.parse(range));
  }
}
