package io.pergola.server.login;

import io.pergola.server.config.ServerOrigin;
import io.pergola.server.shell.ShellLogin;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Keeps other sites away from the token and logout endpoints, which act on the session cookie.
 * A request must carry {@code X-Pergola-Token-Request: 1}, a header no cross-site form or image
 * can send and that a cross-origin script can send only after a CORS preflight Pergola never
 * grants; and when the browser says where the request comes from, that must be this server
 * ({@link ServerOrigin#crossOriginRefusal}).
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
    return origin.crossOriginRefusal(request);
  }
}
