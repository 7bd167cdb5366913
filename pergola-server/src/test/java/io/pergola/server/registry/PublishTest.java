package io.pergola.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.RegistrySnapshot;
import io.pergola.server.testkit.TestHttp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PublishTest {

  private final PergolaTestServer server = PergolaTestServer.shared();

  /** A team owning a freshly registered app, and a client holding the team's token. */
  private record Owner(String app, TestHttp client) {}

  private Owner newApp() {
    String team = PergolaTestServer.unique("team");
    TestHttp client = server.newTeam(team);
    String app = PergolaTestServer.unique("app");
    server.registerApp(app, team);
    return new Owner(app, client);
  }

  private static String versionPath(String app, String version) {
    return "/api/apps/" + app + "/versions/" + version;
  }

  @Test
  void publishesAVersionWithIntegrityAndUrls() throws Exception {
    Owner owner = newApp();
    String script = "export function mount(element) { element.textContent = 'hi'; }\n";
    byte[] bundle = TestBundle.module(owner.app(), "1.0.0").file("index.js", script).zip();

    TestHttp.Response response =
        owner.client().put(versionPath(owner.app(), "1.0.0"), bundle, "application/zip").expectStatus(201);

    JsonNode body = response.json();
    assertThat(response.header("Location")).endsWith(versionPath(owner.app(), "1.0.0"));
    assertThat(body.get("app").asString()).isEqualTo(owner.app());
    assertThat(body.get("kind").asString()).isEqualTo("module");
    assertThat(body.get("entryUrl").asString())
        .isEqualTo(server.baseUrl() + "/assets/" + owner.app() + "/1.0.0/index.js");
    assertThat(body.get("manifest").get("name").asString()).isEqualTo(owner.app());
    assertThat(body.get("publishedBy").asString()).startsWith("team:");
    JsonNode entry = body.get("files").get(0);
    assertThat(entry.get("path").asString()).isEqualTo("index.js");
    assertThat(entry.get("integrity").asString())
        .isEqualTo(
            "sha384-"
                + Base64.getEncoder()
                    .encodeToString(
                        MessageDigest.getInstance("SHA-384").digest(script.getBytes(StandardCharsets.UTF_8))));
    assertThat(entry.get("contentType").asString()).isEqualTo("text/javascript; charset=utf-8");
  }

  @Test
  void republishingIdenticalContentAnswersTheStoredResult() {
    Owner owner = newApp();
    TestBundle bundle = TestBundle.validModule(owner.app(), "1.0.0");
    JsonNode first =
        owner.client().put(versionPath(owner.app(), "1.0.0"), bundle.zip(), "application/zip").expectStatus(201).json();

    JsonNode again =
        owner.client().put(versionPath(owner.app(), "1.0.0"), bundle.tarGz(), "application/gzip").expectStatus(200).json();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void refusesDifferentContentUnderAPublishedVersionAndKeepsTheOriginal() {
    Owner owner = newApp();
    owner.client()
        .put(versionPath(owner.app(), "1.0.0"), TestBundle.validModule(owner.app(), "1.0.0").zip(), "application/zip")
        .expectStatus(201);
    RegistrySnapshot before = RegistrySnapshot.of(server);

    JsonNode problem =
        owner.client()
            .put(
                versionPath(owner.app(), "1.0.0"),
                TestBundle.validModule(owner.app(), "1.0.0").file("extra.js", "changed").zip(),
                "application/zip")
            .expectProblem(409);

    assertThat(problem.get("detail").asString()).contains("immutable");
    assertThat(RegistrySnapshot.of(server)).isEqualTo(before);
    assertThat(owner.client().get(versionPath(owner.app(), "1.0.0")).json().get("fileCount").asInt())
        .isEqualTo(2);
  }

  @Test
  void listsVersionsNewestFirstAndAppsWithTheirLatest() {
    Owner owner = newApp();
    for (String version : new String[] {"1.2.0", "1.10.0", "1.9.0", "2.0.0-rc.1"}) {
      owner.client()
          .put(versionPath(owner.app(), version), TestBundle.validModule(owner.app(), version).zip(), "application/zip")
          .expectStatus(201);
    }

    JsonNode versions = owner.client().get("/api/apps/" + owner.app() + "/versions").expectStatus(200).json();
    JsonNode apps = owner.client().get("/api/apps").expectStatus(200).json();

    assertThat(versions.valueStream().map(v -> v.get("version").asString()))
        .containsExactly("2.0.0-rc.1", "1.10.0", "1.9.0", "1.2.0");
    JsonNode app =
        apps.valueStream().filter(a -> a.get("name").asString().equals(owner.app())).findFirst().orElseThrow();
    assertThat(app.get("latestVersion").asString()).isEqualTo("2.0.0-rc.1");
    assertThat(app.get("versionCount").asInt()).isEqualTo(4);
    assertThat(app.get("recentVersions").valueStream().map(JsonNode::asString))
        .containsExactly("2.0.0-rc.1", "1.10.0", "1.9.0", "1.2.0");
  }

  @Test
  void anAppsVersionsComeInPagesHighestFirstEachLinkingToTheLowerOnes() {
    Owner owner = newApp();
    for (String version : new String[] {"1.2.0", "1.10.0", "1.9.0", "2.0.0-rc.1"}) {
      owner.client()
          .put(versionPath(owner.app(), version), TestBundle.validModule(owner.app(), version).zip(), "application/zip")
          .expectStatus(201);
    }
    String listing = "/api/apps/" + owner.app() + "/versions";

    var first = owner.client().get(listing + "?limit=3").expectStatus(200);
    String next = first.header("Link");
    var second = owner.client().get(next.substring(1, next.indexOf('>'))).expectStatus(200);

    assertThat(first.json().valueStream().map(v -> v.get("version").asString()))
        .containsExactly("2.0.0-rc.1", "1.10.0", "1.9.0");
    assertThat(next).isEqualTo("<" + listing + "?before=1.9.0&limit=3>; rel=\"next\"");
    assertThat(second.json().valueStream().map(v -> v.get("version").asString())).containsExactly("1.2.0");
    assertThat(second.header("Link")).isNull();
    assertThat(owner.client().get(listing + "?before=latest").expectProblem(400).get("type").asString())
        .isEqualTo("urn:pergola:problem:invalid-version");
  }

  @Test
  void unknownVersionIsANotFoundProblem() {
    Owner owner = newApp();

    JsonNode problem = owner.client().get(versionPath(owner.app(), "9.9.9")).expectProblem(404);

    assertThat(problem.get("detail").asString()).contains("9.9.9");
  }

  @Test
  void openApiDescribesThePublishOperation() {
    JsonNode api = server.anonymous().get("/v3/api-docs").expectStatus(200).json();

    assertThat(api.get("paths").has("/api/apps/{app}/versions/{version}")).isTrue();
  }
}
