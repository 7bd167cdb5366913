package io.pergola.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevFileServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  private static HttpResponse<String> send(String method, URI url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private Path child() throws IOException {
    Path child = Files.createDirectories(work.resolve("billing"));
    Files.writeString(child.resolve("pergola.json"), "{\"name\":\"billing\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"src/main.js\"}");
    Files.createDirectories(child.resolve("src"));
    Files.writeString(child.resolve("src/main.js"), "export function mount() {}");
    Files.writeString(work.resolve("secret.txt"), "not the child's");
    return child;
  }

  @Test
  void servesTheChildsFilesAfreshToPagesOfAnyOriginOnThisMachine() throws Exception {
    Path child = child();
    try (DevFileServer server = DevFileServer.start(child, 0)) {
      HttpResponse<String> module = send("GET", server.url().resolve("src/main.js"));

      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(module.statusCode()).isEqualTo(200);
      assertThat(module.body()).isEqualTo("export function mount() {}");
      assertThat(module.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
      assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(module.headers().firstValue("Cache-Control")).hasValue("no-cache");

      Files.writeString(child.resolve("src/main.js"), "export function mount() { /* edited */ }");
      assertThat(send("GET", server.url().resolve("src/main.js")).body()).contains("edited");
    }
  }

  @Test
  void nothingOutsideTheFolderIsServed() throws Exception {
    Path child = child();
    Files.createSymbolicLink(child.resolve("link.txt"), work.resolve("secret.txt"));
    try (DevFileServer server = DevFileServer.start(child, 0)) {
      assertThat(send("GET", URI.create(server.url() + "%2e%2e/secret.txt")).statusCode()).isEqualTo(404);
      assertThat(send("GET", URI.create(server.url() + "src/%2e%2e/%2e%2e/secret.txt")).statusCode()).isEqualTo(404);
      assertThat(send("GET", server.url().resolve("link.txt")).statusCode()).isEqualTo(404);
      assertThat(send("GET", server.url().resolve("src")).statusCode()).isEqualTo(404);
      assertThat(send("GET", server.url().resolve("missing.js")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void answersReadsAndTheirPreflightsOnly() throws Exception {
    try (DevFileServer server = DevFileServer.start(child(), 0)) {
      HttpResponse<String> preflight = send("OPTIONS", server.url().resolve("src/main.js"));
      HttpResponse<String> head = send("HEAD", server.url().resolve("src/main.js"));

      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Private-Network")).hasValue("true");
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Length")).hasValue("26");
      assertThat(send("POST", server.url().resolve("src/main.js")).statusCode()).isEqualTo(405);
    }
  }

  @Test
  void theCommandSaysWhatIsWrongWithItsFolderOrPort() throws Exception {
    Path child = child();
    CliRun notAFolder = CliRun.run("dev", work.resolve("nope").toString());
    Path noEntryChild = Files.createDirectories(work.resolve("no-entry"));
    Files.writeString(noEntryChild.resolve("pergola.json"), "{\"name\":\"billing\",\"version\":\"1.0.0\"}");
    CliRun noEntry = CliRun.run("dev", noEntryChild.toString(), "--port", "0");

    assertThat(notAFolder.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(notAFolder.err()).contains("is not a folder");
    assertThat(noEntry.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noEntry.err()).contains("must give \"entry\"");
    try (DevFileServer taken = DevFileServer.start(child, 0)) {
      CliRun busy = CliRun.run("dev", child.toString(), "--port", Integer.toString(taken.url().getPort()));
      assertThat(busy.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(busy.err()).contains("is taken; pick another with --port");
    }
  }
}
