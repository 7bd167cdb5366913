package io.pergola.server.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The shell's view of the login, present only when one is configured: who is signed in on a
 * request, so the page can hand the runtime the user and the token endpoint, and a signed-in
 * person keeps their canary assignment on every device.
 */
public interface ShellLogin {

  /** The same-origin endpoint children get access tokens from. */
  String TOKEN_URL = "/auth/token";

  /**
   * The header a request to the token or logout endpoint must carry, the server's CSRF check: no
   * cross-site form or image can send it, and a cross-origin script only after a CORS preflight
   * that is never granted.
   */
  String TOKEN_REQUEST_HEADER = "X-Pergola-Token-Request";

  /** The endpoint that ends the session and answers where to send the browser next. */
  String LOGOUT_URL = "/auth/logout";

  /** The person signed in on this request, if any. */
  Optional<SignedIn> signedIn(HttpServletRequest request);

  /**
   * The access token of the person signed in on this request for {@code app}'s declared
   * audiences, the one the runtime would get for the child; empty when nobody is signed in or the
   * app declares no audiences (or some the login does not know).
   *
   * @throws TokenUnavailableException when the child is due a token but it cannot be had now
   */
  Optional<String> accessToken(String app, HttpServletRequest request, HttpServletResponse response);

  /**
   * A signed-in person's token for a child that could not be had (the provider out of reach, or
   * the login ended there): whatever needed it must do without, not fall back to what anybody sees.
   */
  final class TokenUnavailableException extends RuntimeException {
    public TokenUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A signed-in person.
   *
   * @param subject the provider's stable id for them
   * @param claims their standard claims, as children see them in {@code context.auth.user}
   */
  record SignedIn(String subject, Map<String, Object> claims) {}
}
