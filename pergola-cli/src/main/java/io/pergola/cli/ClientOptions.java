package io.pergola.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every client command shares: where the server is and who is calling. */
final class ClientOptions {

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Pergola server (env PERGOLA_URL, default http://localhost:8080).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "API token (env PERGOLA_TOKEN). Without one, the admin token a local server wrote to"
              + " $PERGOLA_DATA/admin-token or ./pergola-data/admin-token is used if readable.")
  String token;

  @Option(names = "--json", description = "Print the server's JSON answer instead of a table.")
  boolean json;

  URI serverUrl() {
    String url = firstNonBlank(server, System.getenv("PERGOLA_URL"), "http://localhost:8080");
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  String token() {
    String given = firstNonBlank(token, System.getenv("PERGOLA_TOKEN"), null);
    if (given != null) {
      return given;
    }
    String dataDir = firstNonBlank(System.getenv("PERGOLA_DATA"), "pergola-data", null);
    Path file = Path.of(dataDir, "admin-token");
    try {
      return Files.isReadable(file) ? Files.readString(file).strip() : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  PergolaClient client() {
    return new PergolaClient(serverUrl(), token());
  }

  static String firstNonBlank(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    if (b != null && !b.isBlank()) {
      return b;
    }
    return fallback;
  }
}
