package io.pergola.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pergola publish <dir-or-archive>}: publishes a bundle as an immutable version. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a bundle directory, zip or tar.gz as an immutable version.",
      "pergola.json at the bundle's root names the app and the version; a directory is packed"
          + " into a tar.gz here first. Publishing identical content again changes nothing."
    },
    footer = {
      "",
      "Examples:",
      "  PERGOLA_TOKEN=pgl_... pergola publish dist/",
      "  pergola publish billing-1.4.0.tar.gz --server https://pergola.example.com"
    })
final class PublishCommand extends ClientCommand {

  @Parameters(paramLabel = "BUNDLE", description = "A bundle directory, zip or tar.gz.")
  Path bundle;

  @Option(names = {"-q", "--quiet"}, description = "No upload progress.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(bundle)) {
      throw new UsageException(bundle + " does not exist");
    }
    ManifestReader.Coordinates coordinates = ManifestReader.read(bundle);
    Path archive = bundle;
    boolean packed = Files.isDirectory(bundle);
    if (packed) {
      archive = Files.createTempFile("pergola-bundle-", ".tar.gz");
      BundlePacker.pack(bundle, archive);
    }
    try {
      String path = "/api/apps/" + coordinates.name() + "/versions/" + coordinates.version();
      PergolaClient client = options.client();
      PergolaClient.Answer answer =
          client.put(path, UploadProgress.of(archive, err(), quiet || options.json), "application/octet-stream");
      if (!printedJson(answer.body())) {
        report(answer, client);
      }
      return ExitCodes.OK;
    } finally {
      if (packed) {
        Files.deleteIfExists(archive);
      }
    }
  }

  private void report(PergolaClient.Answer answer, PergolaClient client) {
    JsonNode version = answer.body();
    String what = version.get("app").asString() + " " + version.get("version").asString();
    out().println(
        answer.status() == 201
            ? "Published " + what + " (" + version.get("fileCount").asInt() + " files, " + version.get("totalBytes").asLong() + " bytes)"
            : what + " was already published with identical content; nothing changed");
    out().println("  entry:   " + version.get("entryUrl").asString());
    out().println("  version: " + client.server() + "/api/apps/" + version.get("app").asString() + "/versions/" + version.get("version").asString());
    out().flush();
  }
}
