package io.pergola.cli;

import io.pergola.server.PergolaServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code pergola serve}: runs the platform in this process until it is stopped.
 *
 * <p>The options are shortcuts for the most common Spring properties; anything else is passed
 * through as {@code --property=value}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Pergola server (registry, asset origin, environments, shell).",
      "Embedded defaults: an H2 database and a blob directory under --data.",
      "An admin token is taken from PERGOLA_ADMIN_TOKEN, or created on first start and written"
          + " to <data>/admin-token (readable only by its owner).",
      "Any further --name=value is a configuration property, e.g. --pergola.storage.type=s3"
          + " (see the README's reference)."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default: ${DEFAULT-VALUE}).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory for the embedded database and files (default: ${DEFAULT-VALUE}).",
      defaultValue = "pergola-data")
  Path dataDir;

  /** Anything else is a Spring property, e.g. {@code --pergola.assets.cors-origins=*}. */
  @Unmatched List<String> extra = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--pergola.data-dir=" + dataDir.toAbsolutePath().normalize());
    args.addAll(extra);
    awaitClose(PergolaServer.start(args.toArray(String[]::new)));
    return ExitCodes.OK;
  }

  /** Blocks until the server stops (SIGTERM, Ctrl-C), so {@code main} does not exit under it. */
  static void awaitClose(ConfigurableApplicationContext context) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
    if (context.isActive()) {
      closed.await();
    }
  }
}
