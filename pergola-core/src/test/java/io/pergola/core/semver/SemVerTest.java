package io.pergola.core.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @Test
  void parsesAllParts() {
    SemVer version = SemVer.parse("1.2.3-rc.1+build.5");

    assertThat(version.major()).isEqualTo(1);
    assertThat(version.minor()).isEqualTo(2);
    assertThat(version.patch()).isEqualTo(3);
    assertThat(version.prerelease()).containsExactly("rc", "1");
    assertThat(version.build()).isEqualTo("build.5");
    assertThat(version).hasToString("1.2.3-rc.1+build.5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.2", "1", "01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+", "v1.2.3", " 1.2.3", "1.2.3-a..b", ""})
  void refusesTextThatIsNotSemVer(String text) {
    assertThatThrownBy(() -> SemVer.parse(text))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void ordersBySpecificationPrecedence() {
    // The example chain from SemVer 2.0.0 §11.
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.1.0",
            "2.0.0",
            "10.0.0");

    List<String> sorted =
        Stream.of(ordered.reversed().toArray(String[]::new))
            .map(SemVer::parse)
            .sorted()
            .map(SemVer::toString)
            .toList();

    assertThat(sorted).isEqualTo(ordered);
  }

  @Test
  void buildMetadataDoesNotChangePrecedence() {
    assertThat(SemVer.parse("1.0.0+a").compareTo(SemVer.parse("1.0.0+b"))).isZero();
    assertThat(SemVer.parse("1.0.0+a")).isNotEqualTo(SemVer.parse("1.0.0+b"));
  }
}
