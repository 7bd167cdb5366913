package io.pergola.server.login;

import io.pergola.server.shell.ShellLogin;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is signed in on a request, from the security context the login filter chain loaded. */
final class OidcShellLogin implements ShellLogin {

  /** Claims that are about the token, not the person: children have no use for them. */
  private static final Set<String> TECHNICAL =
      Set.of("iss", "aud", "exp", "iat", "nbf", "auth_time", "nonce", "sid", "at_hash", "c_hash", "azp", "jti", "typ", "session_state", "acr", "amr");

  @Override
  public Optional<SignedIn> signedIn(HttpServletRequest request) {
    return current().map(user -> new SignedIn(user.getSubject(), claims(user)));
  }

  static Optional<OidcUser> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof OidcUser user
        ? Optional.of(user)
        : Optional.empty();
  }

  /** The standard claims of the person, as {@code context.auth.user}. */
  static Map<String, Object> claims(OidcUser user) {
    Map<String, Object> claims = new LinkedHashMap<>();
    user.getClaims().forEach(
        (name, value) -> {
          if (!TECHNICAL.contains(name)) {
            claims.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value);
          }
        });
    return claims;
  }
}
