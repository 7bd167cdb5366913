package io.pergola.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.pergola.server.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pergola demo} as a newcomer runs it: the built command-line jar in its own JVM, on a
 * free loopback port and a fresh data directory. Also runs client commands against it.
 */
final class DemoProcess implements AutoCloseable {

  /**
   * The launcher's jar; the build makes it before this module's tests (module order). Found from
   * the module's directory (tests) or the repository's (benchmarks run from the root).
   */
  static final Path JAR =
      java.util.stream.Stream.of(Path.of("..", "pergola-cli", "target", "pergola.jar"), Path.of("pergola-cli", "target", "pergola.jar"))
          .map(path -> path.toAbsolutePath().normalize())
          .filter(Files::isRegularFile)
          .findFirst()
          .orElse(Path.of("..", "pergola-cli", "target", "pergola.jar").toAbsolutePath().normalize());

  private final Process process;
  private final Path log;
  private final Path dataDir;
  private final URI url;

  private DemoProcess(Process process, Path log, Path dataDir, URI url) {
    this.process = process;
    this.log = log;
    this.dataDir = dataDir;
    this.url = url;
  }

  /** {@code pergola demo} with {@code options} of its own (e.g. {@code --server-fragments}). */
  static DemoProcess start(String... options) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: build the command line first (./mvnw verify builds it)");
    }
    Path dataDir = Files.createTempDirectory("pergola-demo-test-");
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    int port = LoopbackPorts.free();
    List<String> command =
        new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toString(), "demo", "--port", Integer.toString(port), "--data", dataDir.toString()));
    command.addAll(List.of(options));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    DemoProcess demo = new DemoProcess(process, log, dataDir, URI.create("http://127.0.0.1:" + port));
    demo.awaitReady();
    return demo;
  }

  URI url() {
    return url;
  }

  /**
   * Signs in as the demo user ada (team billing) in a context of its own and answers that
   * context's storage state: its session cookie, for new contexts that start signed in.
   */
  String signIn(Browser browser) {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(url + "/shipping");
      page.fill("input[name=username]", "ada");
      page.fill("input[name=password]", "ada-demo");
      page.click("button[type=submit]");
      page.waitForSelector("[data-testid=shipments]");
      return context.storageState();
    }
  }

  /** Runs {@code pergola <args>} against the demo with its admin token; answers the output. */
  String client(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PERGOLA_URL", url.toString());
    builder.environment().put("PERGOLA_DATA", dataDir.toString());
    Process client = builder.start();
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (client.waitFor() != 0) {
      throw new IllegalStateException("pergola " + String.join(" ", args) + " failed:\n" + output);
    }
    return output;
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(log);
      if (output.contains("Pergola demo is ready")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("pergola demo exited with " + process.exitValue() + ":\n" + output);
      }
      Thread.sleep(250);
    }
    close();
    throw new IllegalStateException("pergola demo was not ready within 3 minutes:\n" + Files.readString(log));
  }

  /** This JVM's {@code java}, for the processes the tests start. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The demo's output so far, for failure messages. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
