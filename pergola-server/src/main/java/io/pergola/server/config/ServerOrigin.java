package io.pergola.server.config;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The one origin people reach this server at: {@code pergola.public-url} when set, else the
 * loopback address and the port the server bound (known only once it listens). Login needs one
 * fixed origin: the OpenID issuer, redirect URIs and the session cookie all name it.
 */
@Component
public final class ServerOrigin implements ApplicationListener<WebServerInitializedEvent> {

  private final URI configured;
  private volatile URI local;

  ServerOrigin(PergolaProperties properties) {
    URI url = properties.publicUrl();
    this.configured = url == null ? null : URI.create(url.toString().replaceAll("/+$", ""));
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      local = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
    }
  }

  /** The origin, without a trailing slash, e.g. {@code https://app.example.com}. */
  public URI uri() {
    URI uri = configured != null ? configured : local;
    if (uri == null) {
      throw new IllegalStateException("The server's origin is known once it listens");
    }
    return uri;
  }

  /** Whether the origin was configured rather than derived from the bound port. */
  public boolean isConfigured() {
    return configured != null;
  }

  /** Whether {@code scheme://host:port} of a request is this origin. */
  public boolean matches(String scheme, String host, int port) {
    URI uri = uri();
    int expectedPort = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    return uri.getScheme().equalsIgnoreCase(scheme) && uri.getHost().equalsIgnoreCase(host) && expectedPort == port;
  }

  /**
   * Why a state-changing request from a browser does not come from a page of this origin, or
   * empty if it does, as far as the browser says ({@code Sec-Fetch-Site}, {@code Origin}); a
   * request that says nothing of where it comes from is no browser's cross-site one. Same-site is
   * not enough: another port on the same host is same-site and receives this server's cookies.
   */
  public Optional<String> crossOriginRefusal(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return Optional.of("This endpoint answers only pages of this origin; the request came from a " + site + " page");
    }
    String from = request.getHeader("Origin");
    if (from != null && !isOriginOf(from, request)) {
      return Optional.of("This endpoint answers only pages of this origin, not " + from);
    }
    return Optional.empty();
  }

  /** Whether an {@code Origin} header's value is this origin (or, when none is configured, the one the request reached). */
  private boolean isOriginOf(String from, HttpServletRequest request) {
    try {
      URI uri = URI.create(from);
      int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
      if (isConfigured()) {
        return matches(uri.getScheme(), uri.getHost(), port);
      }
      return uri.getScheme().equalsIgnoreCase(request.getScheme())
          && uri.getHost().equalsIgnoreCase(request.getServerName())
          && port == request.getServerPort();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
