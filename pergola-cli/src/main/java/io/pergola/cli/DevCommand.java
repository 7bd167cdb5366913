package io.pergola.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pergola dev}: serves a child's folder to this machine, for a shell's dev overrides to
 * load it from, and says what to set there. Plain ES modules need no build step, so the folder as
 * it is on disk is the child under development.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a child's folder to this machine (loopback only) for a shell's dev overrides.",
      "Set the child to the printed entry URL at <shell>/pergola/dev-overrides, and the shell"
          + " runs your files in your browser only, each page load reading them afresh. The shell"
          + " must take dev overrides (pergola.shell.dev-overrides=true; the demo does)."
    })
final class DevCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".", description = "The child's folder, with its pergola.json (default: the current one).")
  Path folder;

  @Option(names = "--port", paramLabel = "N", defaultValue = "5173", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--shell", paramLabel = "URL", description = "The shell you develop against, for the printed link (env PERGOLA_URL, default http://localhost:8080).")
  String shell;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isDirectory(folder)) {
      throw new UsageException(folder + " is not a folder; give the child's folder, the one holding its pergola.json");
    }
    ManifestReader.Coordinates child = ManifestReader.read(folder);
    String entry = ManifestReader.entry(folder);
    DevFileServer server;
    try {
      server = DevFileServer.start(folder, port);
    } catch (BindException e) {
      throw new UsageException("Port " + port + " on 127.0.0.1 is taken; pick another with --port (0 for any free one)");
    }
    try (server) {
      URI shellUrl = URI.create(ClientOptions.firstNonBlank(shell, System.getenv("PERGOLA_URL"), "http://localhost:8080").replaceAll("/+$", ""));
      var out = spec.commandLine().getOut();
      out.println("Serving " + folder + " to this machine at " + server.url() + " (Ctrl-C stops)");
      out.println("  " + child.name() + "'s entry: " + server.url().resolve(entry));
      out.println("  Set " + child.name() + " to it at " + shellUrl + "/pergola/dev-overrides, then open the shell:");
      out.println("  your browser runs these files; everybody else keeps the deployed " + child.name() + ".");
      out.flush();
      new CountDownLatch(1).await(); // until Ctrl-C ends the process
    }
    return ExitCodes.OK;
  }
}
