package io.pergola.server.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Fragment services for tests of server-side composition: a real HTTP server on loopback (the
 * JDK's), each path answered by a handler the test gives, for the shell to fetch fragments from.
 */
public final class FragmentServices implements AutoCloseable {

  private final HttpServer server;

  private FragmentServices(HttpServer server) {
    this.server = server;
  }

  /** A server on a free loopback port, running; add its paths with {@link #on} or {@link #html}. */
  public static FragmentServices start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return new FragmentServices(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code path} (and below) with {@code handler}. */
  public FragmentServices on(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  /** Answers {@code path} with a 200 {@code text/html} fragment made from the request. */
  public FragmentServices html(String path, Function<HttpExchange, String> fragment) {
    return on(path, exchange -> answer(exchange, 200, "text/html; charset=utf-8", fragment.apply(exchange)));
  }

  /** Sends {@code body} with {@code status} and {@code type} (none when null); a 204 has no body. */
  public static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      exchange.getResponseHeaders().set("Content-Type", type);
    }
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
