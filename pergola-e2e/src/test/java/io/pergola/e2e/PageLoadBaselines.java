package io.pergola.e2e;

import com.google.gson.JsonObject;
import io.pergola.server.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The page-load benchmark's baselines, built from the demo's children and libraries by {@code
 * bench/page-load/build.mjs} and served by nginx on two loopback ports: the monolith (one
 * bundle) and single-spa (an import map and the children's files). nginx passes the demo's
 * {@code /auth/} and {@code /demo-api/} on to the demo, so the children get their tokens and
 * data as they do in Pergola. {@code out} is the directory they are built in, removed on close.
 */
record PageLoadBaselines(Path out, Process nginx, URI monolith, URI singleSpa) implements AutoCloseable {

  /**
   * Builds both baselines in a fresh directory and starts nginx. {@code user} is the claims
   * object Pergola's shell page carries for the signed-in user; the baselines' pages carry it
   * too.
   */
  static PageLoadBaselines start(Path benchDir, URI demo, JsonObject user) throws IOException, InterruptedException {
    // nginx's workers drop root's privileges: the files must be readable by anyone.
    Path out = Files.createTempDirectory("pergola-bench-page-load-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    int monolithPort = LoopbackPorts.free();
    int singleSpaPort = LoopbackPorts.free();
    JsonObject ports = new JsonObject();
    ports.addProperty("monolith", monolithPort);
    ports.addProperty("singleSpa", singleSpaPort);
    JsonObject settings = new JsonObject();
    settings.addProperty("origin", demo.toString());
    settings.addProperty("out", out.toString());
    settings.add("user", user);
    settings.add("ports", ports);
    run(new ProcessBuilder("node", benchDir.resolve("build.mjs").toString(), settings.toString()));
    Path conf = out.resolve("nginx").resolve("nginx.conf");
    Process nginx =
        new ProcessBuilder("nginx", "-p", conf.getParent().toString(), "-c", conf.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("nginx").resolve("output.log").toFile())
            .start();
    PageLoadBaselines baselines =
        new PageLoadBaselines(out, nginx, URI.create("http://127.0.0.1:" + monolithPort), URI.create("http://127.0.0.1:" + singleSpaPort));
    try {
      awaitListening(nginx, monolithPort);
      awaitListening(nginx, singleSpaPort);
    } catch (IOException | RuntimeException e) {
      baselines.close();
      throw e;
    }
    return baselines;
  }

  private static void run(ProcessBuilder command) throws IOException, InterruptedException {
    int exit = command.inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command.command()) + " exited with " + exit);
    }
  }

  private static void awaitListening(Process nginx, int port) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!nginx.isAlive()) {
        throw new IllegalStateException("nginx exited with " + nginx.exitValue() + " (see its output.log)");
      }
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("nginx did not listen on port " + port + " within 20 s");
  }

  @Override
  public void close() {
    nginx.destroy();
    nginx.onExit().join();
    try (Stream<Path> files = Files.walk(out)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench: could not delete " + out + ": " + e);
    }
  }
}
