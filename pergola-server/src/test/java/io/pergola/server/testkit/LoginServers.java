package io.pergola.server.testkit;

import io.pergola.core.testkit.TestBundle;
import java.util.ArrayList;
import java.util.List;

/** Servers with the embedded provider and three known people, for login tests. */
public final class LoginServers {

  public static final String ALICE = "alice";
  public static final String ALICE_PASSWORD = "alice-secret";
  public static final String BOB = "bob";
  public static final String BOB_PASSWORD = "bob-secret";
  /** Only for the test that locks her out by guessing. */
  public static final String CAROL = "carol";
  public static final String CAROL_PASSWORD = "carol-secret";

  private LoginServers() {}

  /**
   * Alice is in team billing, Bob is an admin, Carol is in no group; audiences {@code billing-api} and {@code
   * shipping-api} are configured; {@code /help} is public.
   */
  public static List<String> embeddedArgs(String... extra) {
    List<String> args = new ArrayList<>(
        List.of(
            "--pergola.login.provider=embedded",
            "--pergola.login.audiences[0]=billing-api",
            "--pergola.login.audiences[1]=shipping-api",
            "--pergola.login.public-routes[0]=/help",
            "--pergola.identity.users[0].username=" + ALICE,
            "--pergola.identity.users[0].password=" + ALICE_PASSWORD,
            "--pergola.identity.users[0].name=Alice Example",
            "--pergola.identity.users[0].email=alice@example.test",
            "--pergola.identity.users[0].groups[0]=pergola-team-billing",
            "--pergola.identity.users[1].username=" + BOB,
            "--pergola.identity.users[1].password=" + BOB_PASSWORD,
            "--pergola.identity.users[1].groups[0]=pergola-admin",
            "--pergola.identity.users[2].username=" + CAROL,
            "--pergola.identity.users[2].password=" + CAROL_PASSWORD));
    args.addAll(List.of(extra));
    return args;
  }

  /** Publishes and promotes a module child {@code name} that declares {@code audiences}. */
  public static void deployChild(PergolaTestServer server, TestHttp team, String teamName, String name, String route, String... audiences) {
    server.registerApp(name, teamName);
    String declared = audiences.length == 0 ? "" : ",\"audiences\":[\"" + String.join("\",\"", audiences) + "\"]";
    TestBundle bundle =
        TestBundle.empty()
            .manifest(
                "{\"name\":\"" + name + "\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\",\"routes\":[\""
                    + route + "\"]" + declared + "}")
            .file("index.js", "export function mount(el) { el.textContent = '" + name + "'; }\n");
    team.put("/api/apps/" + name + "/versions/1.0.0", bundle.zip(), "application/zip").expectStatus(201);
    team.postJson("/api/environments/production/promote", "{\"app\":\"" + name + "\",\"version\":\"1.0.0\"}")
        .expectStatus(200);
  }
}
