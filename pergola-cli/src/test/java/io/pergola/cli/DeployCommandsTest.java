package io.pergola.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandsTest {

  private static final PergolaTestServer server = PergolaTestServer.shared();

  @TempDir Path temp;

  private static CliRun admin(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--server", server.baseUrl().toString(), "--token", PergolaTestServer.ADMIN_TOKEN}, 0, all, args.length, 4);
    CliRun run = CliRun.run(all);
    assertThat(run.exitCode()).as("pergola %s\n%s", String.join(" ", args), run.err()).isIn(0, 3, 4, 5, 6);
    return run;
  }

  @Test
  void promoteCanaryRollbackStatusAndHistoryTellTheStory() throws Exception {
    String env = PergolaTestServer.unique("env");
    String app = PergolaTestServer.unique("app");
    admin("environments", "create", env);
    admin("teams", "create", app);
    admin("apps", "register", app, "--team", app);
    for (String version : new String[] {"1.0.0", "1.1.0"}) {
      Path zip = Files.write(temp.resolve(version + ".zip"), TestBundle.validModule(app, version).zip());
      assertThat(admin("publish", zip.toString(), "-q").exitCode()).isZero();
    }

    CliRun promoted = admin("promote", app, "1.0.0", "--env", env, "-m", "first");
    CliRun canary = admin("canary", app, "1.1.0", "--percent", "25", "--env", env);
    CliRun status = admin("status", "--env", env);
    CliRun canaryPromoted = admin("canary", "promote", app, "--env", env);
    CliRun rolledBack = admin("rollback", app, "--env", env);
    CliRun stale = admin("promote", app, "1.1.0", "--env", env, "--if-revision", "1");
    CliRun history = admin("history", "--env", env);
    CliRun newest = admin("history", "--env", env, "--limit", "2");
    CliRun older = admin("history", "--env", env, "--limit", "2", "--before", "3");

    assertThat(promoted.out()).contains("Promoted " + app + " 1.0.0 in " + env + ": now at revision 1");
    assertThat(canary.out()).contains("25% of users").contains("revision 2");
    assertThat(status.out()).containsPattern(app + "\\s+1\\.0\\.0\\s+1\\.1\\.0 \\(25%\\)");
    assertThat(canaryPromoted.out()).contains("revision 3");
    assertThat(rolledBack.out()).contains("revision 4");
    assertThat(stale.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(stale.err()).contains("not 1");
    assertThat(history.out().lines().skip(1).map(line -> line.split("\\s+")[3]))
        .containsExactly("rollback", "canary-promote", "canary", "promote", "create");
    assertThat(history.out()).contains("1.1.0 -> 1.0.0").contains("first").contains("canary 1.1.0 to 25%");
    assertThat(history.err()).doesNotContain("Older revisions");
    // A long history is paged: the newest first, and how to see what came before.
    assertThat(newest.out().lines().skip(1).map(line -> line.split("\\s+")[0])).containsExactly("4", "3");
    assertThat(newest.err()).contains("Older revisions: pergola history --env " + env + " --limit 2 --before 3");
    assertThat(older.out().lines().skip(1).map(line -> line.split("\\s+")[0])).containsExactly("2", "1");
    // When, to the second, as a person reads it.
    assertThat(history.out().lines().skip(1).map(line -> line.split("\\s+")[1]))
        .allSatisfy(when -> assertThat(when).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertThat(status.out().lines().findFirst().orElseThrow()).matches(".*, \\d{4}-[-\\dT:]+Z\\)");
  }

  @Test
  void rollbackNeedsAnAppOrARevision() {
    CliRun run = CliRun.run("rollback", "--server", server.baseUrl().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--to-revision");
  }
}
