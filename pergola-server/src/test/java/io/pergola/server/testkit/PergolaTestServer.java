package io.pergola.server.testkit;

import io.pergola.server.PergolaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a real Pergola server on a random loopback port with its own data directory, and hands
 * back HTTP clients for it, so an integration test reads as a short story:
 *
 * <pre>{@code
 * var server = PergolaTestServer.shared();
 * var team = server.newTeam("billing");
 * team.put("/api/apps/billing/versions/1.0.0", bundle) ...
 * }</pre>
 *
 * <p>{@link #shared()} is one server per test JVM (one Spring context for the whole module's
 * tests); {@link #start} gives a private one for tests that stop or restart it.
 *
 * <p>The system property {@code pergola.test.backend} chooses what the servers run on: {@code
 * embedded} (default: H2 file and local blob directory) or {@code postgres-s3} (a fresh database
 * on the loopback PostgreSQL per server, and an in-process S3Proxy bucket), so the same suites
 * prove both columns of the deployment table.
 */
public final class PergolaTestServer implements AutoCloseable {

  /** The admin token every test server accepts. */
  public static final String ADMIN_TOKEN = "pgl_test-admin-token-0123456789";

  private static final String POSTGRES_S3 = "postgres-s3";
  private static final String BUCKET = "pergola";
  private static final AtomicLong COUNTER = new AtomicLong();
  private static PergolaTestServer shared;
  private static S3ProxyServer s3;

  private final Path dataDir;
  private final List<String> args;
  private final Class<?>[] extraSources;
  private ConfigurableApplicationContext context;
  private URI baseUrl;

  private PergolaTestServer(Path dataDir, List<String> args, Class<?>[] extraSources) {
    this.dataDir = dataDir;
    this.args = args;
    this.extraSources = extraSources;
  }

  /** The server shared by every test in this JVM, started on first use. */
  public static synchronized PergolaTestServer shared() {
    if (shared == null) {
      shared = start(tempDir());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** A private server on {@code dataDir}, with extra Spring arguments ({@code --a.b=c}). */
  public static PergolaTestServer start(Path dataDir, String... extraArgs) {
    return start(new Class<?>[0], dataDir, extraArgs);
  }

  /** A private server that also runs {@code extraSources}, e.g. a test's own API beside Pergola. */
  public static PergolaTestServer start(Class<?>[] extraSources, Path dataDir, String... extraArgs) {
    List<String> args = new ArrayList<>();
    // A test may need the port before the server starts (to name its own origin in a setting).
    if (Stream.of(extraArgs).noneMatch(arg -> arg.startsWith("--server.port="))) {
      args.add("--server.port=0");
    }
    args.add("--server.address=127.0.0.1");
    args.add("--pergola.data-dir=" + dataDir);
    args.add("--spring.main.banner-mode=off");
    args.addAll(List.of(extraArgs));
    // A test that chooses its own database or store keeps it; the backend fills in the rest.
    if (POSTGRES_S3.equals(System.getProperty("pergola.test.backend"))) {
      if (args.stream().noneMatch(arg -> arg.startsWith("--spring.datasource.url="))) {
        args.addAll(List.of(PostgresDatabases.freshDatabaseArgs()));
      }
      if (args.stream().noneMatch(arg -> arg.startsWith("--pergola.storage.type="))) {
        args.addAll(List.of(sharedS3().pergolaArgs(BUCKET)));
      }
    }
    // Spring joins repeated command-line properties, so add the default only when not overridden.
    if (args.stream().noneMatch(arg -> arg.startsWith("--pergola.admin-token="))) {
      args.add("--pergola.admin-token=" + ADMIN_TOKEN);
    }
    PergolaTestServer server = new PergolaTestServer(dataDir, args, extraSources);
    server.boot();
    return server;
  }

  /** The S3 server every test server of this JVM shares on the postgres-s3 backend. */
  private static synchronized S3ProxyServer sharedS3() {
    if (s3 == null) {
      try {
        s3 = S3ProxyServer.start(BUCKET);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot start S3Proxy", e);
      }
    }
    return s3;
  }

  /** A fresh temporary directory, for a private server's data. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("pergola-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void boot() {
    context = PergolaServer.start(extraSources, args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    baseUrl = URI.create("http://127.0.0.1:" + port);
  }

  /** Stops and starts the server on the same data directory (the port may change). */
  public PergolaTestServer restart() {
    close();
    boot();
    return this;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The running Spring context, for the rare test that must look inside. */
  public ConfigurableApplicationContext context() {
    return context;
  }

  /** A client without credentials. */
  public TestHttp anonymous() {
    return new TestHttp(baseUrl, null);
  }

  /** A client with the admin token. */
  public TestHttp admin() {
    return new TestHttp(baseUrl, ADMIN_TOKEN);
  }

  /** A client with the given bearer token. */
  public TestHttp withToken(String token) {
    return new TestHttp(baseUrl, token);
  }

  /**
   * Creates a team (unless it exists) and returns a client holding a new token of that team.
   * Names must be unique per test where isolation matters; use {@link #unique(String)}.
   */
  public TestHttp newTeam(String team) {
    TestHttp admin = admin();
    admin.postJson("/api/teams", "{\"name\":\"" + team + "\"}");
    TestHttp.Response issued = admin.postJson("/api/teams/" + team + "/tokens", "{}");
    return withToken(issued.json().get("token").asString());
  }

  /** Registers an app owned by {@code team} with the admin token. */
  public void registerApp(String app, String team) {
    admin()
        .postJson("/api/apps", "{\"name\":\"" + app + "\",\"team\":\"" + team + "\"}")
        .expectStatus(201);
  }

  /** A name unique within this JVM, for tests sharing one server: {@code prefix-<n>}. */
  public static String unique(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet();
  }

  @Override
  public void close() {
    if (context != null && context.isActive()) {
      context.close();
    }
  }
}
