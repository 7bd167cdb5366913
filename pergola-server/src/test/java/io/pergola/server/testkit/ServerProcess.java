package io.pergola.server.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Pergola server in its own operating-system process, for tests that must kill it like a
 * power cut would ({@link #kill()} is SIGKILL: no shutdown hook, no graceful close).
 */
public final class ServerProcess implements AutoCloseable {

  private final List<String> command;
  private final Path log;
  private final URI baseUrl;
  private Process process;

  private ServerProcess(List<String> command, Path log, URI baseUrl) {
    this.command = command;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** Starts a server on {@code dataDir} with this JVM's classpath and waits until it is ready. */
  public static ServerProcess start(Path dataDir, String... extraArgs) throws Exception {
    int port = LoopbackPorts.free();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")));
    command.add("io.pergola.server.PergolaServer");
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--pergola.data-dir=" + dataDir);
    command.add("--pergola.admin-token=" + PergolaTestServer.ADMIN_TOKEN);
    command.addAll(List.of(extraArgs));
    ServerProcess server =
        new ServerProcess(command, dataDir.resolveSibling(dataDir.getFileName() + ".log"), URI.create("http://127.0.0.1:" + port));
    server.launch();
    return server;
  }

  private void launch() throws Exception {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    awaitReady();
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server process exited; see " + log);
      }
      try {
        HttpResponse<Void> health =
            http.send(HttpRequest.newBuilder(baseUrl.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The server did not become ready in 90 s; see " + log);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The file the process writes its console (standard output and error) to. */
  public Path log() {
    return log;
  }

  public TestHttp admin() {
    return new TestHttp(baseUrl, PergolaTestServer.ADMIN_TOKEN);
  }

  /** SIGKILL, then waits for the process to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Starts the same server again (same port and data directory) and waits until ready. */
  public void restart() throws Exception {
    launch();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

}
