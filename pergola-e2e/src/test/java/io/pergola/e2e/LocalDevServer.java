package io.pergola.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A developer's dev server on loopback, as a dev override points at: it serves one module, with
 * the CORS header a dev server sends so a page of another origin can import it.
 */
final class LocalDevServer implements AutoCloseable {

  private final HttpServer server;

  private LocalDevServer(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code source} as JavaScript at {@code path}; anything else is a 404. */
  static LocalDevServer serving(String path, String source) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = source.getBytes(StandardCharsets.UTF_8);
      server.createContext("/", exchange -> {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
          exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
          if (!exchange.getRequestURI().getPath().equals(path)) {
            exchange.sendResponseHeaders(404, -1);
            return;
          }
          exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
          exchange.getResponseHeaders().set("Cache-Control", "no-cache");
          exchange.sendResponseHeaders(200, body.length);
          out.write(body);
        }
      });
      server.start();
      return new LocalDevServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code path} on this server, e.g. {@code http://127.0.0.1:40123/src/main.js}. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
