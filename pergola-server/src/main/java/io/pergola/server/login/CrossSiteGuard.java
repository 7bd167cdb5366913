package io.pergola.server.login;

import io.pergola.server.config.ServerOrigin;
import io.pergola.server.shell.ShellLogin;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/**
 * Keeps other sites away from the token and logout endpoints, which act on the session cookie.
 * A request must carry {@code X-Pergola-Token-Request: 1}, a header no cross-site form or image
 * can send and that a cross-origin script can send only after a CORS preflight Pergola never
 * grants; and when the browser says where the request comes from ({@code Origin}, {@code
 * Sec-Fetch-Site}), that must be this server. Same-site is not enough: another port on the same
 * host is same-site and receives the cookie.
 */
final class CrossSiteGuard {

  static final String HEADER = ShellLogin.TOKEN_REQUEST_HEADER;

  private final ServerOrigin origin;

  CrossSiteGuard(ServerOrigin origin) {
    this.origin = origin;
  }

  /** Why the request is refused, or empty if it may go on. */
  Optional<String> refusal(HttpServletRequest request) {
    if (!"1".equals(request.getHeader(HEADER))) {
      return Optional.of("This endpoint answers only the shell's runtime: send the header " + HEADER + ": 1");
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return Optional.of("This endpoint answers only pages of this origin; the request came from a " + site + " page");
    }
    String from = request.getHeader("Origin");
    if (from != null && !sameOrigin(from, request)) {
      return Optional.of("This endpoint answers only pages of this origin, not " + from);
    }
    return Optional.empty();
  }

  private boolean sameOrigin(String from, HttpServletRequest request) {
    try {
      URI uri = URI.create(from);
      int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
      if (origin.isConfigured()) {
        return origin.matches(uri.getScheme(), uri.getHost(), port);
      }
      return uri.getScheme().equalsIgnoreCase(request.getScheme())
          && uri.getHost().equalsIgnoreCase(request.getServerName())
          && port == request.getServerPort();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
