package io.pergola.cli;

import io.pergola.cli.demo.BillingFragment;
import io.pergola.cli.demo.DemoBundles;
import io.pergola.cli.demo.TeamApiSecurity;
import io.pergola.cli.demo.TeamApis;
import io.pergola.cli.demo.TeamTokens;
import io.pergola.server.PergolaServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.JsonNode;

/**
 * {@code pergola demo}: the platform with the demo children, ready in the browser. Starts the
 * server with the demo's layout and team APIs, then, through the public API like any CI
 * pipeline would, creates the teams, publishes every example and the two framework libraries
 * from their WebJars, and deploys whatever is not deployed yet to {@code production}. Safe to run
 * again on the same data directory.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Pergola with the demo application: three teams, three technologies, one shell.",
      "Publishes the examples (design system, header, shipping, profile with Preact, billing with"
          + " Vue) and deploys them to production, then prints the URL and the demo users to sign"
          + " in with."
    })
final class DemoCommand implements Callable<Integer> {

  private static final String VUE = "3.5.26";
  private static final String PREACT = "10.28.0";

  /** A demo account of the embedded provider; printed at start, so only ever for the demo. */
  record DemoUser(String username, String password, String name, String email, String group, String role) {}

  static final List<DemoUser> DEMO_USERS =
      List.of(
          new DemoUser("ada", "ada-demo", "Ada Lovelace", "ada@acme.example", "pergola-team-billing", "team billing"),
          new DemoUser("grace", "grace-demo", "Grace Hopper", "grace@acme.example", "pergola-admin", "admin"));

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "pergola-data", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--server-fragments",
      description = "Billing's invoice list rendered by its team's service and on the page from the first paint"
          + " (server-rendered fragments); off by default, so the demo shows what the browser renders alone.")
  boolean serverFragments;

  @Unmatched List<String> extra = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>();
    if (serverFragments && port == 0) {
      // The fragment's URL names the port, so it must be known before the server starts.
      try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = free.getLocalPort();
      }
    }
    args.add("--server.port=" + port);
    args.add("--pergola.data-dir=" + dataDir.toAbsolutePath().normalize());
    args.add("--pergola.shell.layouts.production.title=Acme Logistics");
    args.add("--pergola.shell.layouts.production.slots.header=header");
    args.add("--pergola.shell.layouts.production.stylesheets[0]=design-system/styles.css");
    // A demo is where people try things: a child of theirs inside it, from their dev server.
    args.add("--pergola.shell.dev-overrides=true");
    if (serverFragments) {
      // Billing's team service renders the signed-in person's invoices: it gets their token.
      args.add("--pergola.shell.layouts.production.fragments.billing.url=http://127.0.0.1:" + port + BillingFragment.PATH);
      args.add("--pergola.shell.layouts.production.fragments.billing.token=true");
      // A service in the same JVM, so on a cold one its first answers (its first token check
      // fetches the provider's keys) come late: more than the 500 ms default, for the demo.
      args.add("--pergola.shell.layouts.production.fragments.billing.timeout=2s");
    }
    args.addAll(loginArgs());
    args.addAll(extra);
    ConfigurableApplicationContext context =
        PergolaServer.start(
            new Class<?>[] {TeamApis.class, BillingFragment.class, TeamTokens.class, TeamApiSecurity.class}, args.toArray(String[]::new));
    int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    // The login's one origin (see ServerOrigin): other names for this host are sent there.
    URI url = URI.create("http://127.0.0.1:" + actualPort);
    PergolaClient client = new PergolaClient(url, adminToken());
    setUp(client);
    var out = spec.commandLine().getOut();
    out.println();
    out.println("Pergola demo is ready: " + url + "/");
    out.println("  shipping " + url + "/shipping, profile " + url + "/profile, billing " + url + "/billing");
    out.println("  Sign in as one of the demo users (demo only: never use these accounts elsewhere):");
    for (DemoUser user : DEMO_USERS) {
      out.println("    " + user.username() + " / " + user.password() + "  (" + user.name() + ", " + user.role() + ")");
    }
    out.println("  Dashboard (versions, deploys, history): " + url + "/pergola/dashboard");
    out.println("  Try a deploy without touching the shell (the README's \"Second step\"),");
    out.println("  and a child from your own folder inside it (\"Third step\", with pergola dev).");
    out.println("  Admin token: " + tokenSource());
    out.println("  Stop with Ctrl-C.");
    out.flush();
    ServeCommand.awaitClose(context);
    return ExitCodes.OK;
  }

  /** The embedded provider with the demo users; each team's API is an audience. */
  private static List<String> loginArgs() {
    List<String> args = new ArrayList<>();
    args.add("--pergola.login.provider=embedded");
    List<String> audiences = List.of("shipping-api", "profile-api", "billing-api");
    for (int i = 0; i < audiences.size(); i++) {
      args.add("--pergola.login.audiences[" + i + "]=" + audiences.get(i));
    }
    for (int i = 0; i < DEMO_USERS.size(); i++) {
      DemoUser user = DEMO_USERS.get(i);
      String prefix = "--pergola.identity.users[" + i + "].";
      args.add(prefix + "username=" + user.username());
      args.add(prefix + "password=" + user.password());
      args.add(prefix + "name=" + user.name());
      args.add(prefix + "email=" + user.email());
      args.add(prefix + "groups[0]=" + user.group());
    }
    return args;
  }

  private void setUp(PergolaClient client) throws Exception {
    Map<String, String> owners =
        Map.of(
            "design-system", "design", "header", "platform", "shipping", "shipping", "profile", "profile",
            "billing", "billing", "vue", "platform", "preact", "platform");
    for (String team : Set.copyOf(owners.values())) {
      ignoreConflict(() -> client.post("/api/teams", Map.of("name", team)));
    }
    owners.forEach((app, team) -> ignoreConflict(() -> client.post("/api/apps", Map.of("name", app, "team", team))));

    Path work = Files.createTempDirectory("pergola-demo-");
    List<String[]> deployOrder = new ArrayList<>();
    deployOrder.add(publish(client, DemoBundles.example("design-system", work)));
    deployOrder.add(publish(client, DemoBundles.webJarLibrary("vue", VUE, "dist/vue.runtime.esm-browser.prod.js", work)));
    deployOrder.add(publish(client, DemoBundles.webJarLibrary("preact", PREACT, "dist/preact.module.js", work)));
    for (String example : List.of("header", "shipping", "profile", "billing")) {
      deployOrder.add(publish(client, DemoBundles.example(example, work)));
    }

    Set<String> deployed = new HashSet<>();
    client.get("/api/environments/production").get("deployments").forEach(d -> deployed.add(d.get("app").asString()));
    for (String[] published : deployOrder) {
      if (!deployed.contains(published[0])) {
        client.post(
            "/api/environments/production/promote",
            Map.of("app", published[0], "version", published[1], "message", "pergola demo"));
        spec.commandLine().getOut().println("Deployed " + published[0] + " " + published[1] + " to production");
      }
    }
  }

  /** Publishes; returns {app, version}. A changed example under an unchanged version is kept as published. */
  private String[] publish(PergolaClient client, Path bundle) throws Exception {
    var coordinates = ManifestReader.read(bundle);
    try {
      JsonNode published =
          client
              .put(
                  "/api/apps/" + coordinates.name() + "/versions/" + coordinates.version(),
                  java.net.http.HttpRequest.BodyPublishers.ofFile(bundle),
                  "application/gzip")
              .body();
      spec.commandLine().getOut().println("Published " + published.get("app").asString() + " " + published.get("version").asString());
    } catch (ApiProblemException e) {
      if (e.status() != 409) {
        throw e;
      }
      spec.commandLine().getErr().println(
          "Note: " + coordinates.name() + " " + coordinates.version() + " is already published with other content;"
              + " keeping the published one (bump the version in pergola.json to publish changes)");
    }
    return new String[] {coordinates.name(), coordinates.version()};
  }

  private static void ignoreConflict(Runnable call) {
    try {
      call.run();
    } catch (ApiProblemException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
  }

  private String adminToken() throws java.io.IOException {
    String fromEnvironment = System.getenv("PERGOLA_ADMIN_TOKEN");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    return Files.readString(dataDir.resolve("admin-token")).strip();
  }

  private String tokenSource() {
    String fromEnvironment = System.getenv("PERGOLA_ADMIN_TOKEN");
    return fromEnvironment != null && !fromEnvironment.isBlank()
        ? "from PERGOLA_ADMIN_TOKEN"
        : dataDir.resolve("admin-token") + " (the client commands read it from there)";
  }
}
