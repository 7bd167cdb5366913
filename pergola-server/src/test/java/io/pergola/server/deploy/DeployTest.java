package io.pergola.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Environments through the HTTP API, each test on a fresh environment of the shared server. */
class DeployTest {

  private final PergolaTestServer server = PergolaTestServer.shared();
  private String env;
  private TestHttp admin;

  @BeforeEach
  void freshEnvironment() {
    admin = server.admin();
    env = PergolaTestServer.unique("env");
    admin.postJson("/api/environments", "{\"name\":\"" + env + "\"}").expectStatus(201);
  }

  /** A team owning a new app with the given versions published; returns the team's client. */
  private TestHttp publishedApp(String app, String... versions) {
    String team = PergolaTestServer.unique("team");
    TestHttp client = server.newTeam(team);
    server.registerApp(app, team);
    for (String version : versions) {
      publish(client, app, version, TestBundle.validModule(app, version));
    }
    return client;
  }

  private static void publish(TestHttp client, String app, String version, TestBundle bundle) {
    client.put("/api/apps/" + app + "/versions/" + version, bundle.zip(), "application/zip").expectStatus(201);
  }

  private TestHttp.Response promote(TestHttp client, String app, String version) {
    return client.postJson(
        "/api/environments/" + env + "/promote", "{\"app\":\"" + app + "\",\"version\":\"" + version + "\"}");
  }

  private JsonNode status() {
    return admin.get("/api/environments/" + env).expectStatus(200).json();
  }

  private static String versionOf(JsonNode revision, String app) {
    return StreamSupport.stream(revision.get("deployments").spliterator(), false)
        .filter(d -> d.get("app").asString().equals(app))
        .map(d -> d.get("version").asString())
        .findFirst()
        .orElse(null);
  }

  @Test
  void promoteMakesANewRevisionWithAnAuditEntry() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0");

    TestHttp.Response response =
        team.postJson(
                "/api/environments/" + env + "/promote",
                "{\"app\":\"" + app + "\",\"version\":\"1.0.0\",\"message\":\"first release\"}")
            .expectStatus(200);

    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    assertThat(versionOf(response.json(), app)).isEqualTo("1.0.0");
    JsonNode audit = admin.get("/api/environments/" + env + "/audit").expectStatus(200).json().get(0);
    assertThat(audit.get("revision").asLong()).isEqualTo(1);
    assertThat(audit.get("action").asString()).isEqualTo("promote");
    assertThat(audit.get("actor").asString()).startsWith("team:");
    assertThat(audit.get("toVersion").asString()).isEqualTo("1.0.0");
    assertThat(audit.get("message").asString()).isEqualTo("first release");
  }

  @Test
  void rollbackOfOneAppAndRestoreOfTheWholeEnvironment() {
    String billing = PergolaTestServer.unique("billing");
    String shipping = PergolaTestServer.unique("shipping");
    TestHttp billingTeam = publishedApp(billing, "1.0.0", "1.1.0");
    TestHttp shippingTeam = publishedApp(shipping, "2.0.0");
    promote(billingTeam, billing, "1.0.0").expectStatus(200);
    promote(billingTeam, billing, "1.1.0").expectStatus(200);
    promote(shippingTeam, shipping, "2.0.0").expectStatus(200);

    JsonNode rolledBack =
        billingTeam.postJson("/api/environments/" + env + "/rollback", "{\"app\":\"" + billing + "\"}").expectStatus(200).json();
    JsonNode restored =
        admin.postJson("/api/environments/" + env + "/rollback", "{\"toRevision\":1}").expectStatus(200).json();

    assertThat(versionOf(rolledBack, billing)).isEqualTo("1.0.0");
    assertThat(versionOf(rolledBack, shipping)).isEqualTo("2.0.0");
    assertThat(restored.get("revision").asLong()).isEqualTo(5);
    assertThat(versionOf(restored, billing)).isEqualTo("1.0.0");
    assertThat(versionOf(restored, shipping)).isNull();
    JsonNode audit = admin.get("/api/environments/" + env + "/audit").json();
    assertThat(audit.get(0).get("action").asString()).isEqualTo("restore");
    assertThat(audit.get(1).get("fromVersion").asString()).isEqualTo("1.1.0");
    assertThat(audit.get(1).get("toVersion").asString()).isEqualTo("1.0.0");
  }

  @Test
  void canaryIsStickyPerSubjectInTheImportMapAndCanBePromotedOrAborted() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0", "1.1.0", "1.2.0");
    promote(team, app, "1.0.0").expectStatus(200);

    JsonNode canary =
        team.postJson(
                "/api/environments/" + env + "/canary",
                "{\"app\":\"" + app + "\",\"version\":\"1.1.0\",\"percent\":50}")
            .expectStatus(200)
            .json();

    assertThat(canary.get("deployments").get(0).get("canary").get("percent").asInt()).isEqualTo(50);
    int inCanary = 0;
    for (int user = 0; user < 200; user++) {
      String first = entryFor("user-" + user, app);
      assertThat(entryFor("user-" + user, app)).isEqualTo(first);
      if (first.contains("/1.1.0/")) {
        inCanary++;
      }
    }
    assertThat(inCanary).isBetween(60, 140);
    assertThat(entryFor(null, app)).contains("/1.0.0/");

    team.postJson("/api/environments/" + env + "/canary/promote", "{\"app\":\"" + app + "\"}").expectStatus(200);
    assertThat(versionOf(status(), app)).isEqualTo("1.1.0");
    team.postJson("/api/environments/" + env + "/canary", "{\"app\":\"" + app + "\",\"version\":\"1.2.0\",\"percent\":10}")
        .expectStatus(200);
    JsonNode aborted =
        team.postJson("/api/environments/" + env + "/canary/abort", "{\"app\":\"" + app + "\"}").expectStatus(200).json();
    assertThat(aborted.get("deployments").get(0).has("canary")).isFalse();
  }

  private String entryFor(String subject, String app) {
    String query = subject == null ? "" : "?subject=" + subject;
    return server.anonymous().get("/api/environments/" + env + "/importmap.json" + query).json()
        .get("imports").get(app).asString();
  }

  @Test
  void importMapIsStandardWithIntegrityAndTheRevisionInAHeader() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0", "2.0.0");
    promote(team, app, "1.0.0").expectStatus(200);
    promote(team, app, "2.0.0").expectStatus(200);

    TestHttp.Response current = server.anonymous().get("/api/environments/" + env + "/importmap.json").expectStatus(200);
    TestHttp.Response earlier =
        server.anonymous().get("/api/environments/" + env + "/importmap.json?revision=1").expectStatus(200);

    assertThat(current.header("Content-Type")).startsWith("application/importmap+json");
    assertThat(current.header("Pergola-Revision")).isEqualTo("2");
    JsonNode map = current.json();
    assertThat(map.get("imports").get(app).asString()).isEqualTo("/assets/" + app + "/2.0.0/index.js");
    assertThat(map.get("imports").get(app + "/").asString()).isEqualTo("/assets/" + app + "/2.0.0/");
    assertThat(map.get("integrity").get("/assets/" + app + "/2.0.0/index.js").asString()).startsWith("sha384-");
    assertThat(earlier.header("Pergola-Revision")).isEqualTo("1");
    assertThat(earlier.json().get("imports").get(app).asString()).contains("/1.0.0/");
  }

  @Test
  void parallelDeploysByManyTeamsAllLandWithStrictlyIncreasingRevisions() throws Exception {
    int teams = 16;
    List<String> apps = new ArrayList<>();
    List<TestHttp> clients = new ArrayList<>();
    for (int i = 0; i < teams; i++) {
      String app = PergolaTestServer.unique("par");
      apps.add(app);
      clients.add(publishedApp(app, "1.0.0"));
    }
    List<Callable<Long>> deploys = new ArrayList<>();
    for (int i = 0; i < teams; i++) {
      int n = i;
      deploys.add(() -> promote(clients.get(n), apps.get(n), "1.0.0").expectStatus(200).json().get("revision").asLong());
    }

    List<Long> revisions = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(teams)) {
      for (Future<Long> result : pool.invokeAll(deploys)) {
        revisions.add(result.get());
      }
    }

    assertThat(revisions).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, teams).boxed().toList());
    JsonNode status = status();
    assertThat(status.get("revision").asLong()).isEqualTo(teams);
    for (String app : apps) {
      assertThat(versionOf(status, app)).isEqualTo("1.0.0");
    }
    JsonNode audit = admin.get("/api/environments/" + env + "/audit").json();
    assertThat(audit.size()).isEqualTo(teams + 1); // one per revision, creation included
  }

  @Test
  void ifMatchWithAStaleRevisionIsRefusedWith412AndChangesNothing() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0", "1.1.0");
    promote(team, app, "1.0.0").expectStatus(200);

    var problem =
        team.header("If-Match", "\"0\"")
            .postJson("/api/environments/" + env + "/promote", "{\"app\":\"" + app + "\",\"version\":\"1.1.0\"}")
            .expectProblem(412);
    team.header("If-Match", "\"1\"")
        .postJson("/api/environments/" + env + "/promote", "{\"app\":\"" + app + "\",\"version\":\"1.1.0\"}")
        .expectStatus(200);

    assertThat(problem.get("detail").asString()).contains("revision 1");
    assertThat(status().get("revision").asLong()).isEqualTo(2);
  }

  @Test
  void libraryContractsAreEnforcedBothWaysAndAnAdminMayForceAudited() {
    String lib = PergolaTestServer.unique("lib");
    String child = PergolaTestServer.unique("child");
    TestHttp libTeam = publishedApp(lib);
    publish(libTeam, lib, "3.4.0", TestBundle.empty().manifest(library(lib, "3.4.0")).file("index.js", "export default 3"));
    publish(libTeam, lib, "4.0.0", TestBundle.empty().manifest(library(lib, "4.0.0")).file("index.js", "export default 4"));
    TestHttp childTeam = publishedApp(child);
    publish(
        childTeam,
        child,
        "1.0.0",
        TestBundle.empty()
            .manifest("{\"name\":\"" + child + "\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\",\"requires\":{\"" + lib + "\":\"^3.4.0\"}}")
            .file("index.js", "export function mount() {}"));

    var missing = promote(childTeam, child, "1.0.0").expectProblem(409);
    promote(libTeam, lib, "3.4.0").expectStatus(200);
    promote(childTeam, child, "1.0.0").expectStatus(200);
    var breaking = promote(libTeam, lib, "4.0.0").expectProblem(409);
    var teamForce =
        libTeam.postJson("/api/environments/" + env + "/promote", "{\"app\":\"" + lib + "\",\"version\":\"4.0.0\",\"force\":true}")
            .expectProblem(403);
    var forced =
        admin.postJson(
                "/api/environments/" + env + "/promote",
                "{\"app\":\"" + lib + "\",\"version\":\"4.0.0\",\"force\":true,\"message\":\"emergency\"}")
            .expectStatus(200);

    assertThat(missing.get("violations").get(0).asString())
        .isEqualTo(child + " 1.0.0 requires " + lib + " ^3.4.0, but " + env + " does not deploy " + lib);
    assertThat(breaking.get("violations").get(0).asString())
        .isEqualTo(child + " 1.0.0 requires " + lib + " ^3.4.0, but " + env + " has " + lib + " 4.0.0");
    assertThat(teamForce.get("detail").asString()).contains("force");
    assertThat(versionOf(forced.json(), lib)).isEqualTo("4.0.0");
    JsonNode audit = admin.get("/api/environments/" + env + "/audit").json().get(0);
    assertThat(audit.get("forced").asBoolean()).isTrue();
    assertThat(audit.get("violations").get(0).asString()).contains("requires " + lib + " ^3.4.0");
  }

  private static String library(String name, String version) {
    return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"kind\":\"library\",\"entry\":\"index.js\"}";
  }

  @Test
  void aTeamMayDeployOnlyItsOwnAppsAndOnlyAdminsRestoreOrCreate() {
    String mine = PergolaTestServer.unique("mine");
    String theirs = PergolaTestServer.unique("theirs");
    TestHttp me = publishedApp(mine, "1.0.0");
    publishedApp(theirs, "1.0.0");

    var otherApp = promote(me, theirs, "1.0.0").expectProblem(403);
    me.postJson("/api/environments/" + env + "/rollback", "{\"toRevision\":0}").expectProblem(403);
    me.postJson("/api/environments", "{\"name\":\"rogue\"}").expectProblem(403);
    server.anonymous().postJson("/api/environments/" + env + "/promote", "{\"app\":\"" + mine + "\",\"version\":\"1.0.0\"}")
        .expectProblem(401);

    assertThat(otherApp.get("detail").asString()).contains(theirs);
    assertThat(status().get("revision").asLong()).isZero();
  }

  @Test
  void unknownAppVersionOrEnvironmentIsA404AndChangesNothing() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0");

    var version = promote(team, app, "9.9.9").expectProblem(404);
    admin.postJson("/api/environments/" + env + "/promote", "{\"app\":\"ghost\",\"version\":\"1.0.0\"}").expectProblem(404);
    admin.postJson("/api/environments/nowhere/promote", "{\"app\":\"" + app + "\",\"version\":\"1.0.0\"}").expectProblem(404);

    assertThat(version.get("detail").asString()).contains("not published");
    assertThat(status().get("revision").asLong()).isZero();
    assertThat(admin.get("/api/environments/" + env + "/audit").json().size()).isEqualTo(1);
  }

  @Test
  void theAuditTrailComesInPagesNewestFirstEachLinkingToTheOlderOnes() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0", "1.1.0");
    promote(team, app, "1.0.0").expectStatus(200);
    promote(team, app, "1.1.0").expectStatus(200);
    promote(team, app, "1.0.0").expectStatus(200);
    String trail = "/api/environments/" + env + "/audit";

    var first = admin.get(trail + "?limit=2").expectStatus(200);
    String next = first.header("Link");
    var second = admin.get(next.substring(1, next.indexOf('>'))).expectStatus(200);

    assertThat(revisionsIn(first.json())).containsExactly(3L, 2L);
    assertThat(next).isEqualTo("<" + trail + "?before=2&limit=2>; rel=\"next\"");
    assertThat(revisionsIn(second.json())).containsExactly(1L, 0L);
    assertThat(second.header("Link")).isNull(); // nothing older
    var whole = admin.get(trail).expectStatus(200);
    assertThat(revisionsIn(whole.json())).containsExactly(3L, 2L, 1L, 0L);
    assertThat(whole.header("Link")).isNull();
    assertThat(admin.get(trail + "?limit=5000").expectProblem(400).get("detail").asString())
        .isEqualTo("limit must be 1 to 1000, not 5000");
  }

  private static List<Long> revisionsIn(JsonNode audit) {
    return StreamSupport.stream(audit.spliterator(), false).map(entry -> entry.get("revision").asLong()).toList();
  }

  @Test
  void aWithdrawnVersionIsServedStillButNoDeployGivesItAnewUnlessAnAdminForcesIt() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0", "1.1.0", "1.2.0");
    promote(team, app, "1.0.0").expectStatus(200);
    promote(team, app, "1.1.0").expectStatus(200);
    String withdrawal = "/api/apps/" + app + "/versions/1.0.0/withdrawal";

    JsonNode withdrawn = team.send("PUT", withdrawal).expectProblem(400); // a reason is needed
    JsonNode taken = team.put(withdrawal, "{\"reason\":\"rounds totals down\"}".getBytes(), "application/json")
        .expectStatus(200).json();
    team.put("/api/apps/" + app + "/versions/1.2.0/withdrawal", "{\"reason\":\"leaks\"}".getBytes(), "application/json")
        .expectStatus(200);
    JsonNode rollback =
        team.postJson("/api/environments/" + env + "/rollback", "{\"app\":\"" + app + "\"}").expectProblem(409);
    JsonNode canary = team.postJson("/api/environments/" + env + "/canary",
        "{\"app\":\"" + app + "\",\"version\":\"1.2.0\",\"percent\":10}").expectProblem(409);
    long revision = status().get("revision").asLong();
    JsonNode forced = admin.postJson("/api/environments/" + env + "/rollback",
        "{\"app\":\"" + app + "\",\"force\":true,\"message\":\"1.1.0 is worse\"}").expectStatus(200).json();

    assertThat(withdrawn.get("detail").asString()).contains("Say why " + app + " 1.0.0 is withdrawn");
    assertThat(taken.get("reason").asString()).isEqualTo("rounds totals down");
    assertThat(taken.get("by").asString()).startsWith("team:");
    assertThat(rollback.get("type").asString()).isEqualTo("urn:pergola:problem:version-withdrawn");
    assertThat(rollback.get("detail").asString())
        .startsWith(app + " 1.0.0 was withdrawn by team:")
        .contains(": rounds totals down. Deploy another version, take the withdrawal back, or an admin may force");
    assertThat(canary.get("violations").get(0).asString()).startsWith(app + " 1.2.0 was withdrawn");
    assertThat(forced.get("revision").asLong()).isEqualTo(revision + 1);
    JsonNode audit = admin.get("/api/environments/" + env + "/audit?limit=1").json().get(0);
    assertThat(audit.get("forced").asBoolean()).isTrue();
    assertThat(audit.get("violations").get(0).asString()).startsWith(app + " 1.0.0 was withdrawn");
    // Still published and served: pages that name it keep working.
    server.anonymous().get("/assets/" + app + "/1.0.0/index.js").expectStatus(200);
    JsonNode listed = team.get("/api/apps/" + app + "/versions").json();
    assertThat(listed.valueStream().filter(v -> v.has("withdrawn")).map(v -> v.get("version").asString()))
        .containsExactly("1.2.0", "1.0.0");
    JsonNode summary = team.get("/api/apps").json().valueStream()
        .filter(a -> a.get("name").asString().equals(app)).findFirst().orElseThrow();
    assertThat(summary.get("latestVersion").asString()).isEqualTo("1.1.0");
    assertThat(summary.get("recentVersions").valueStream().map(JsonNode::asString)).containsExactly("1.1.0");
    assertThat(summary.get("versionCount").asInt()).isEqualTo(3);
    assertThat(summary.get("withdrawnVersions").toString())
        .isEqualTo("{\"1.2.0\":\"leaks\",\"1.0.0\":\"rounds totals down\"}");
  }

  @Test
  void aWithdrawalTakenBackMakesTheVersionDeployableAndOnlyItsTeamMayDoEither() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0");
    TestHttp stranger = server.newTeam(PergolaTestServer.unique("team"));
    String withdrawal = "/api/apps/" + app + "/versions/1.0.0/withdrawal";
    byte[] reason = "{\"reason\":\"wrong build\"}".getBytes();

    stranger.put(withdrawal, reason, "application/json").expectProblem(403);
    team.put(withdrawal, reason, "application/json").expectStatus(200);
    promote(team, app, "1.0.0").expectProblem(409);
    stranger.delete(withdrawal).expectProblem(403);
    team.delete(withdrawal).expectStatus(204);

    promote(team, app, "1.0.0").expectStatus(200);
    assertThat(team.get("/api/apps/" + app + "/versions/1.0.0").json().has("withdrawn")).isFalse();
    team.put("/api/apps/" + app + "/versions/9.9.9/withdrawal", reason, "application/json").expectProblem(404);
  }

  @Test
  void everyRevisionHasExactlyOneAuditEntry() {
    String app = PergolaTestServer.unique("app");
    TestHttp team = publishedApp(app, "1.0.0", "1.1.0");
    promote(team, app, "1.0.0").expectStatus(200);
    promote(team, app, "1.1.0").expectStatus(200);
    team.postJson("/api/environments/" + env + "/rollback", "{\"app\":\"" + app + "\"}").expectStatus(200);
    team.postJson("/api/environments/" + env + "/canary", "{\"app\":\"" + app + "\",\"version\":\"1.1.0\",\"percent\":5}")
        .expectStatus(200);

    JsonNode audit = admin.get("/api/environments/" + env + "/revisions").expectStatus(200).json();

    assertThat(revisionsIn(audit)).containsExactly(4L, 3L, 2L, 1L, 0L);
    assertThat(StreamSupport.stream(audit.spliterator(), false).map(entry -> entry.get("action").asString()))
        .containsExactly("canary", "rollback", "promote", "promote", "create");
  }
}
