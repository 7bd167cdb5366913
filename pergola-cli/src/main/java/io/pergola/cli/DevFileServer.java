package io.pergola.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pergola.core.media.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child's folder served to this machine only (loopback), the way a shell's dev overrides load
 * it: every file read afresh on each request ({@code no-cache}, so an edit shows on the next
 * page load), with the CORS header a page of another origin needs to import a module, and
 * nothing outside the folder.
 */
final class DevFileServer implements AutoCloseable {

  private final HttpServer server;
  private final Path root;

  private DevFileServer(HttpServer server, Path root) {
    this.server = server;
    this.root = root;
  }

  /**
   * Serves {@code folder} on the loopback address at {@code port} (0: any free one).
   *
   * @throws java.net.BindException when the port is taken
   */
  static DevFileServer start(Path folder, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    DevFileServer files = new DevFileServer(server, folder.toRealPath());
    server.createContext("/", exchange -> {
      try (exchange) {
        files.handle(exchange);
      }
    });
    server.start();
    return files;
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:5173/}. */
  URI url() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Origin", "*");
    headers.set("Cache-Control", "no-cache");
    String method = exchange.getRequestMethod();
    if (method.equals("OPTIONS")) {
      // A page on a public origin asks before it reads from this machine (Private Network Access).
      headers.set("Access-Control-Allow-Methods", "GET, HEAD");
      headers.set("Access-Control-Allow-Private-Network", "true");
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      headers.set("Allow", "GET, HEAD, OPTIONS");
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    Path file = fileFor(exchange.getRequestURI().getPath());
    if (file == null) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    byte[] body = Files.readAllBytes(file);
    // The registry's types, so a file is served here as it will be once published.
    headers.set("Content-Type", MediaTypes.forPath(file.getFileName().toString()));
    if (method.equals("HEAD")) {
      headers.set("Content-Length", Long.toString(body.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The regular file a request path names inside the folder, or null, links leading out included. */
  private Path fileFor(String path) throws IOException {
    Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return null;
    }
    return file.toRealPath().startsWith(root) ? file : null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
