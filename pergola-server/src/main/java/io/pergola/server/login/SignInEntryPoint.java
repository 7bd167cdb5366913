package io.pergola.server.login;

import io.pergola.server.config.ServerOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor who is not signed in to the provider. The request was saved first, so the
 * visitor comes back to the same deep link. A browser on another name for this server (say
 * {@code localhost} for {@code 127.0.0.1}) goes to the server's one origin first: the provider
 * sends it back there, and the session cookie must already be on that origin.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

  static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + ShellClientRegistrations.ID;

  private final ServerOrigin origin;

  SignInEntryPoint(ServerOrigin origin) {
    this.origin = origin;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    // Behind a proxy the request's own scheme and port may differ from a configured public URL,
    // so only the derived loopback origin is enforced here.
    if (!origin.isConfigured()
        && !origin.matches(request.getScheme(), request.getServerName(), request.getServerPort())) {
      String query = request.getQueryString();
      response.sendRedirect(origin.uri() + request.getRequestURI() + (query == null ? "" : "?" + query));
      return;
    }
    response.sendRedirect(AUTHORIZATION_PATH);
  }
}
