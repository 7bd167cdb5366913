package io.pergola.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisionPlannerTest {

  private static final AppName BILLING = AppName.of("billing");
  private static final AppName SHIPPING = AppName.of("shipping");

  /** An environment's revisions in memory, applying operations as the server would. */
  private static final class Environment implements RevisionHistory {
    final List<Map<AppName, Deployment>> revisions = new ArrayList<>(List.of(Map.of()));

    Change apply(DeployOperation operation) {
      Change change = RevisionPlanner.plan("production", revisions.size() - 1, current(), operation, this);
      revisions.add(change.deployments());
      return change;
    }

    Map<AppName, Deployment> current() {
      return revisions.getLast();
    }

    @Override
    public Optional<Map<AppName, Deployment>> at(long number) {
      return number < revisions.size() ? Optional.of(revisions.get((int) number)) : Optional.empty();
    }

    @Override
    public List<Optional<SemVer>> versionsOf(AppName app) {
      return revisions.reversed().stream()
          .map(deployments -> Optional.ofNullable(deployments.get(app)).map(Deployment::version))
          .toList();
    }
  }

  private static SemVer v(String version) {
    return SemVer.parse(version);
  }

  @Test
  void promoteDeploysAVersionAndRecordsWhereItCameFrom() {
    Environment production = new Environment();
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));

    Change change = production.apply(new DeployOperation.Promote(BILLING, v("1.1.0")));

    assertThat(change.deployments().get(BILLING).version()).isEqualTo(v("1.1.0"));
    assertThat(change.from()).contains(v("1.0.0"));
    assertThat(change.to()).contains(v("1.1.0"));
  }

  @Test
  void rollbackGoesBackToTheVersionBeforeTheCurrentOneEvenAcrossOtherAppsChanges() {
    Environment production = new Environment();
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));
    production.apply(new DeployOperation.Promote(BILLING, v("1.1.0")));
    production.apply(new DeployOperation.Promote(SHIPPING, v("2.0.0")));

    Change change = production.apply(new DeployOperation.Rollback(BILLING));

    assertThat(change.deployments().get(BILLING).version()).isEqualTo(v("1.0.0"));
    assertThat(change.deployments().get(SHIPPING).version()).isEqualTo(v("2.0.0"));
  }

  @Test
  void rollbackWithNothingEarlierIsRefused() {
    Environment production = new Environment();
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));

    assertThatThrownBy(() -> production.apply(new DeployOperation.Rollback(BILLING)))
        .isInstanceOf(DeployRefusedException.class)
        .hasMessageContaining("nothing to roll back to");
  }

  @Test
  void restoreRevisionPutsTheWholeEnvironmentBack() {
    Environment production = new Environment();
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));
    production.apply(new DeployOperation.Promote(SHIPPING, v("2.0.0")));
    production.apply(new DeployOperation.Promote(BILLING, v("1.2.0")));

    Change change = production.apply(new DeployOperation.RestoreRevision(1));

    assertThat(change.deployments()).isEqualTo(Map.of(BILLING, Deployment.of(BILLING, v("1.0.0"))));
    assertThat(change.app()).isEmpty();
  }

  @Test
  void restoringTheCurrentOrAFutureRevisionIsRefused() {
    Environment production = new Environment();
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));

    assertThatThrownBy(() -> production.apply(new DeployOperation.RestoreRevision(1)))
        .isInstanceOf(DeployRefusedException.class)
        .hasMessageContaining("earlier");
  }

  @Test
  void canaryStartsPromotesAndAborts() {
    Environment production = new Environment();
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));

    Change started = production.apply(new DeployOperation.StartCanary(BILLING, v("1.1.0"), 10));
    Change promoted = production.apply(new DeployOperation.PromoteCanary(BILLING));
    production.apply(new DeployOperation.StartCanary(BILLING, v("1.2.0"), 50));
    Change aborted = production.apply(new DeployOperation.AbortCanary(BILLING));

    assertThat(started.deployments().get(BILLING).canary()).contains(new Canary(v("1.1.0"), 10));
    assertThat(promoted.deployments().get(BILLING)).isEqualTo(Deployment.of(BILLING, v("1.1.0")));
    assertThat(aborted.deployments().get(BILLING)).isEqualTo(Deployment.of(BILLING, v("1.1.0")));
  }

  @Test
  void canaryNeedsADeployedAppAndADifferentVersion() {
    Environment production = new Environment();

    assertThatThrownBy(() -> production.apply(new DeployOperation.StartCanary(BILLING, v("1.0.0"), 10)))
        .hasMessageContaining("not deployed");
    production.apply(new DeployOperation.Promote(BILLING, v("1.0.0")));
    assertThatThrownBy(() -> production.apply(new DeployOperation.StartCanary(BILLING, v("1.0.0"), 10)))
        .hasMessageContaining("different version");
    assertThatThrownBy(() -> production.apply(new DeployOperation.AbortCanary(BILLING)))
        .hasMessageContaining("no canary");
    assertThatThrownBy(() -> new DeployOperation.StartCanary(BILLING, v("1.1.0"), 100))
        .hasMessageContaining("1 to 99");
  }

  @Test
  void canaryAssignmentIsStickyPerUser() {
    Canary canary = new Canary(v("1.1.0"), 30);

    for (int user = 0; user < 200; user++) {
      boolean first = CanaryAssignment.inCanary("user-" + user, BILLING, canary);
      for (int load = 0; load < 5; load++) {
        assertThat(CanaryAssignment.inCanary("user-" + user, BILLING, canary)).isEqualTo(first);
      }
    }
  }

  @Test
  void canarySplitOverManyUsersMatchesThePercentage() {
    for (int percent : new int[] {1, 10, 50, 90}) {
      Canary canary = new Canary(v("2.0.0"), percent);
      int users = 20_000;
      long inCanary =
          java.util.stream.IntStream.range(0, users)
              .filter(user -> CanaryAssignment.inCanary("visitor-" + user, BILLING, canary))
              .count();

      // Binomial standard deviation is at most 0.35 points at 20,000 users; allow about 3.
      assertThat(inCanary * 100.0 / users).as("share at %d%%", percent).isCloseTo(percent, org.assertj.core.data.Offset.offset(1.0));
    }
  }

  @Test
  void differentCanariesPickDifferentUsers() {
    Map<Boolean, Integer> overlap = new HashMap<>();
    for (int user = 0; user < 10_000; user++) {
      boolean a = CanaryAssignment.inCanary("u" + user, BILLING, new Canary(v("1.1.0"), 50));
      boolean b = CanaryAssignment.inCanary("u" + user, SHIPPING, new Canary(v("1.1.0"), 50));
      overlap.merge(a == b, 1, Integer::sum);
    }

    assertThat(overlap.get(true)).isBetween(4_500, 5_500);
  }
}
