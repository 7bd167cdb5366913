package io.pergola.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.manifest.AppName;
import io.pergola.core.manifest.IntegrationKind;
import io.pergola.core.semver.SemVer;
import io.pergola.core.semver.SemVerRange;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class LibraryContractsTest {

  private static final AppName BILLING = AppName.of("billing");
  private static final AppName VUE = AppName.of("vue");

  /** billing 1.x needs vue ^3.4.0; billing 0.9.0 needs vue ^2.7.0; vue needs nothing. */
  private static final BiFunction<AppName, SemVer, LibraryContracts.Declared> DECLARED =
      (app, version) ->
          app.equals(VUE)
              ? new LibraryContracts.Declared(IntegrationKind.LIBRARY, Map.of())
              : new LibraryContracts.Declared(
                  IntegrationKind.MODULE,
                  Map.of(VUE, SemVerRange.parse(version.major() >= 1 ? "^3.4.0" : "^2.7.0")));

  private static Deployment deployed(AppName app, String version) {
    return Deployment.of(app, SemVer.parse(version));
  }

  @Test
  void deployingAChildWhoseLibraryIsTooOldNamesChildLibraryRangeAndVersion() {
    var current = Map.of(VUE, deployed(VUE, "2.7.16"));
    var target = Map.of(VUE, deployed(VUE, "2.7.16"), BILLING, deployed(BILLING, "1.4.0"));

    assertThat(LibraryContracts.introducedBy("production", current, target, DECLARED))
        .containsExactly("billing 1.4.0 requires vue ^3.4.0, but production has vue 2.7.16");
  }

  @Test
  void deployingALibraryThatBreaksADeployedChildIsCaughtToo() {
    var current = Map.of(VUE, deployed(VUE, "3.5.0"), BILLING, deployed(BILLING, "1.4.0"));
    var target = Map.of(VUE, deployed(VUE, "4.0.0"), BILLING, deployed(BILLING, "1.4.0"));

    assertThat(LibraryContracts.introducedBy("production", current, target, DECLARED))
        .containsExactly("billing 1.4.0 requires vue ^3.4.0, but production has vue 4.0.0");
  }

  @Test
  void aMissingLibraryIsAViolation() {
    var target = Map.of(BILLING, deployed(BILLING, "1.4.0"));

    assertThat(LibraryContracts.introducedBy("staging", Map.of(), target, DECLARED))
        .containsExactly("billing 1.4.0 requires vue ^3.4.0, but staging does not deploy vue");
  }

  @Test
  void aLibraryCanaryMustSatisfyEveryChild() {
    var current = Map.of(VUE, deployed(VUE, "3.5.0"), BILLING, deployed(BILLING, "1.4.0"));
    var target =
        Map.of(
            VUE,
            new Deployment(VUE, SemVer.parse("3.5.0"), Optional.of(new Canary(SemVer.parse("4.0.0-rc.1"), 10))),
            BILLING,
            deployed(BILLING, "1.4.0"));

    assertThat(LibraryContracts.introducedBy("production", current, target, DECLARED))
        .containsExactly("billing 1.4.0 requires vue ^3.4.0, but production has vue 4.0.0-rc.1");
  }

  @Test
  void anEarlierForcedViolationDoesNotBlockUnrelatedDeploys() {
    var forced = Map.of(VUE, deployed(VUE, "2.7.16"), BILLING, deployed(BILLING, "1.4.0"));
    var unrelated =
        Map.of(VUE, deployed(VUE, "2.7.16"), BILLING, deployed(BILLING, "1.4.0"), AppName.of("docs"), deployed(VUE, "1.0.0"));

    assertThat(LibraryContracts.violations("production", forced, DECLARED)).hasSize(1);
    assertThat(LibraryContracts.introducedBy("production", forced, unrelated, (app, version) ->
            app.value().equals("docs") ? new LibraryContracts.Declared(IntegrationKind.MODULE, Map.of()) : DECLARED.apply(app, version)))
        .isEmpty();
  }
}
