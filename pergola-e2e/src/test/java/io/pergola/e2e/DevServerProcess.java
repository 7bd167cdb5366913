package io.pergola.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code pergola dev DIR} as a developer runs it, from the built jar in its own JVM: a child's
 * folder served to this machine, with the entry URL it prints for the shell's dev overrides.
 */
final class DevServerProcess implements AutoCloseable {

  private static final String ENTRY = "'s entry: ";

  private final Process process;
  private final URI entry;

  private DevServerProcess(Process process, URI entry) {
    this.process = process;
    this.entry = entry;
  }

  static DevServerProcess start(Path folder, URI shell) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                DemoProcess.java(), "-jar", DemoProcess.JAR.toString(),
                "dev", folder.toString(), "--port", "0", "--shell", shell.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<URI> entry = CompletableFuture.supplyAsync(() -> {
      StringBuilder seen = new StringBuilder();
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          seen.append(line).append('\n');
          int at = line.indexOf(ENTRY);
          if (at >= 0) {
            return URI.create(line.substring(at + ENTRY.length()).strip());
          }
        }
      } catch (IOException e) {
        seen.append(e);
      }
      throw new IllegalStateException("pergola dev printed no entry URL:\n" + seen);
    });
    try {
      return new DevServerProcess(process, entry.get(1, TimeUnit.MINUTES));
    } catch (ExecutionException | TimeoutException e) {
      process.destroy();
      throw new IllegalStateException("pergola dev did not start", e);
    }
  }

  /** The child's entry module as the dev server serves it. */
  URI entry() {
    return entry;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
