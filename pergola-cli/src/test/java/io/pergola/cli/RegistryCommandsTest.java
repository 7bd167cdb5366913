package io.pergola.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandsTest {

  private static final PergolaTestServer server = PergolaTestServer.shared();
  private static String url;

  @TempDir Path temp;

  @BeforeAll
  static void locate() {
    url = server.baseUrl().toString();
  }

  private static CliRun admin(String... args) {
    return CliRun.run(with(args, "--server", url, "--token", PergolaTestServer.ADMIN_TOKEN));
  }

  private static String[] with(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** A team with a registered app, and the team's token. */
  private static String[] teamWithApp(String app) {
    String team = PergolaTestServer.unique("team");
    assertThat(admin("teams", "create", team).exitCode()).isZero();
    assertThat(admin("apps", "register", app, "--team", team).exitCode()).isZero();
    CliRun token = admin("tokens", "create", "--team", team);
    assertThat(token.err()).contains("not shown again").contains("pergola tokens revoke ");
    return new String[] {team, token.out().strip()};
  }

  private Path bundleDir(String app, String version) throws Exception {
    Path dir = Files.createDirectories(temp.resolve(app + "-" + version));
    Files.writeString(
        dir.resolve("pergola.json"),
        "{\"name\":\"" + app + "\",\"version\":\"" + version + "\",\"kind\":\"module\",\"entry\":\"index.js\"}");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("index.js"), "export function mount(e) { e.textContent = 'x'; }");
    Files.writeString(dir.resolve("lib/util.js"), "export const answer = 42;");
    return dir;
  }

  @Test
  void publishesADirectoryAndPrintsItsUrls() throws Exception {
    String app = PergolaTestServer.unique("cli");
    String token = teamWithApp(app)[1];

    CliRun publish = CliRun.run("publish", bundleDir(app, "1.0.0").toString(), "--server", url, "--token", token);

    assertThat(publish.exitCode()).as(publish.err()).isZero();
    assertThat(publish.out())
        .contains("Published " + app + " 1.0.0 (3 files")
        .contains(url + "/assets/" + app + "/1.0.0/index.js");
    assertThat(publish.err()).contains("Uploading:").contains("(100%)");
    assertThat(server.anonymous().get("/assets/" + app + "/1.0.0/lib/util.js").text()).contains("42");
  }

  @Test
  void republishingTheSameFilesSaysNothingChanged() throws Exception {
    String app = PergolaTestServer.unique("cli");
    String token = teamWithApp(app)[1];
    Path dir = bundleDir(app, "1.0.0");
    CliRun.run("publish", dir.toString(), "--server", url, "--token", token, "--quiet");

    CliRun again = CliRun.run("publish", dir.toString(), "--server", url, "--token", token, "--quiet");

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already published with identical content");
  }

  @Test
  void publishesAnArchiveAndRefusesChangedContentWithExitCode5() throws Exception {
    String app = PergolaTestServer.unique("cli");
    String token = teamWithApp(app)[1];
    Path zip = Files.write(temp.resolve("bundle.zip"), TestBundle.validModule(app, "2.0.0").zip());
    Path changed =
        Files.write(temp.resolve("changed.tar.gz"), TestBundle.validModule(app, "2.0.0").file("x.js", "y").tarGz());
    assertThat(CliRun.run("publish", zip.toString(), "--server", url, "--token", token, "-q").exitCode()).isZero();

    CliRun conflict = CliRun.run("publish", changed.toString(), "--server", url, "--token", token, "-q");

    assertThat(conflict.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(conflict.err()).contains("immutable");
  }

  @Test
  void refusedBundleExitsWith6AndShowsEachViolationOnce() throws Exception {
    String app = PergolaTestServer.unique("cli");
    String token = teamWithApp(app)[1];
    Path bad =
        Files.write(
            temp.resolve("bad.zip"),
            TestBundle.empty()
                .manifest("{\"name\":\"" + app + "\",\"version\":\"1.0.0\",\"kind\":\"widget\"}")
                .file("index.js", "x")
                .zip());

    CliRun refused = CliRun.run("publish", bad.toString(), "--server", url, "--token", token, "-q");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED_INPUT);
    assertThat(refused.err()).contains("Invalid manifest").contains("/kind").contains("'entry'");
    assertThat(refused.err().split("required property 'entry'", -1)).as(refused.err()).hasSize(2);
  }

  @Test
  void wrongTokenExitsWith3() throws Exception {
    String app = PergolaTestServer.unique("cli");
    teamWithApp(app);

    CliRun refused = CliRun.run("publish", bundleDir(app, "1.0.0").toString(), "--server", url, "--token", "pgl_wrong", "-q");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORISED);
  }

  @Test
  void aTeamsTokenIsListedWithoutItsSecretAndRevokedByItsId() {
    String app = PergolaTestServer.unique("cli");
    String[] team = teamWithApp(app);

    CliRun expiring = admin("tokens", "create", "--team", team[0], "--label", "ci", "--expires-in-days", "30");
    CliRun listed = admin("tokens", "list", "--team", team[0]);
    String id = listed.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
    CliRun revoked = admin("tokens", "revoke", id);
    CliRun again = admin("tokens", "revoke", id);

    assertThat(expiring.err()).containsPattern("for team " + team[0] + " until \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z\\.");
    assertThat(listed.out()).startsWith("ID").contains(team[0]).contains("api token").doesNotContain(team[1]);
    assertThat(listed.out().lines().skip(1).map(line -> line.strip().substring(line.strip().lastIndexOf(' ') + 1)))
        .as("the EXPIRES column: the first token never, the one for 30 days at a time")
        .hasSize(2)
        .anySatisfy(expires -> assertThat(expires).isEqualTo("never"))
        .anySatisfy(expires -> assertThat(expires).matches("\\d{4}-.*Z"));
    assertThat(revoked.out()).contains("Revoked token " + id);
    assertThat(CliRun.run("versions", app, "--server", url, "--token", team[1]).exitCode())
        .isEqualTo(ExitCodes.NOT_AUTHORISED);
    assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(admin("tokens", "list", "--team", team[0]).out()).doesNotContain(id).contains("ci");
  }

  @Test
  void unknownAppExitsWith4SayingWhichCommandRegistersIt() {
    String app = PergolaTestServer.unique("cli");

    CliRun missing = admin("versions", app);

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.err()).contains("pergola apps register " + app + " --team <team>");
  }

  @Test
  void unreachableServerExitsWith7NamingTheUrl() {
    CliRun refused = CliRun.run("apps", "--server", "http://127.0.0.1:9", "--token", "x");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(refused.err()).contains("http://127.0.0.1:9").contains("pergola serve");
  }

  @Test
  void listsAppsAndVersions() throws Exception {
    String app = PergolaTestServer.unique("cli");
    String token = teamWithApp(app)[1];
    CliRun.run("publish", bundleDir(app, "1.0.0").toString(), "--server", url, "--token", token, "-q");
    CliRun.run("publish", bundleDir(app, "1.1.0").toString(), "--server", url, "--token", token, "-q");

    CliRun apps = CliRun.run("apps", "--server", url, "--token", token);
    CliRun versions = CliRun.run("versions", app, "--server", url, "--token", token);
    CliRun newest = CliRun.run("versions", app, "--limit", "1", "--server", url, "--token", token);
    CliRun older = CliRun.run("versions", app, "--limit", "1", "--before", "1.1.0", "--server", url, "--token", token);

    assertThat(apps.out()).containsPattern(app + "\\s+team-\\d+\\s+1\\.1\\.0\\s+2");
    assertThat(versions.out().lines().skip(1).map(line -> line.split("\\s+")[0])).containsExactly("1.1.0", "1.0.0");
    assertThat(versions.err()).doesNotContain("Older versions");
    assertThat(newest.out().lines().skip(1).map(line -> line.split("\\s+")[0])).containsExactly("1.1.0");
    assertThat(newest.err()).contains("Older versions: pergola versions " + app + " --limit 1 --before 1.1.0");
    assertThat(older.out().lines().skip(1).map(line -> line.split("\\s+")[0])).containsExactly("1.0.0");
    assertThat(older.err()).doesNotContain("Older versions");
  }

  @Test
  void aWithdrawnVersionIsListedWithWhyUntilTheWithdrawalIsTakenBack() throws Exception {
    String app = PergolaTestServer.unique("cli");
    String token = teamWithApp(app)[1];
    CliRun.run("publish", bundleDir(app, "1.0.0").toString(), "--server", url, "--token", token, "-q");

    CliRun withdrawn = CliRun.run("withdraw", app, "1.0.0", "--reason", "wrong build", "--server", url, "--token", token);
    CliRun listed = CliRun.run("versions", app, "--server", url, "--token", token);
    CliRun refused = CliRun.run("promote", app, "1.0.0", "--server", url, "--token", token);
    CliRun forced = admin("promote", app, "1.0.0", "--force", "-m", "the only build there is");
    CliRun status = admin("status");
    CliRun neither = CliRun.run("withdraw", app, "1.0.0", "--server", url, "--token", token);
    CliRun undone = CliRun.run("withdraw", app, "1.0.0", "--undo", "--server", url, "--token", token);
    CliRun after = CliRun.run("versions", app, "--server", url, "--token", token);

    assertThat(withdrawn.out()).contains("Withdrew " + app + " 1.0.0: no deploy gives it to anybody anew");
    assertThat(listed.out().lines().findFirst().orElseThrow()).endsWith("WITHDRAWN");
    assertThat(listed.out().lines().skip(1).findFirst().orElseThrow()).startsWith("1.0.0").endsWith("wrong build");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(refused.err()).contains(app + " 1.0.0 was withdrawn by team:").contains(": wrong build");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(status.out()).containsPattern(app + "\\s+1\\.0\\.0 \\(withdrawn\\)");
    assertThat(status.err()).contains(app + " 1.0.0 was withdrawn: wrong build");
    assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.err()).contains("Give --reason");
    assertThat(undone.out()).contains("Took back the withdrawal of " + app + " 1.0.0");
    assertThat(after.out()).doesNotContain("wrong build");
  }

  @Test
  void packingIsDeterministicAndRefusesSymlinks() throws Exception {
    Path dir = bundleDir("pack", "1.0.0");
    Path first = temp.resolve("first.tar.gz");
    Path second = temp.resolve("second.tar.gz");
    BundlePacker.pack(dir, first);
    Files.setLastModifiedTime(dir.resolve("index.js"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    BundlePacker.pack(dir, second);
    Files.createSymbolicLink(dir.resolve("link.js"), dir.resolve("index.js"));

    CliRun refused = CliRun.run("publish", dir.toString(), "--server", url, "-q");

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("link.js is a symbolic link");
  }
}
