package io.pergola.server.config;

import java.net.URI;
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
}
