package io.pergola.server.login;

import io.pergola.core.manifest.AppName;
import io.pergola.server.shell.ShellLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in on a request, from the security context the login filter chain loaded, and
 * their tokens for children's audiences, as the token endpoint gives them to the runtime.
 */
final class OidcShellLogin implements ShellLogin {

  /** Claims that are about the token, not the person: children have no use for them. */
  private static final Set<String> TECHNICAL =
      Set.of("iss", "aud", "exp", "iat", "nbf", "auth_time", "nonce", "sid", "at_hash", "c_hash", "azp", "jti", "typ", "session_state", "acr", "amr");

  private final AudienceTokens tokens;
  private final AppAudiences appAudiences;

  OidcShellLogin(AudienceTokens tokens, AppAudiences appAudiences) {
    this.tokens = tokens;
    this.appAudiences = appAudiences;
  }

  @Override
  public Optional<SignedIn> signedIn(HttpServletRequest request) {
    return current().map(user -> new SignedIn(user.getSubject(), claims(user)));
  }

  @Override
  public Optional<String> accessToken(String app, HttpServletRequest request, HttpServletResponse response) {
    if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken user)
        || !(user.getPrincipal() instanceof OidcUser)) {
      return Optional.empty();
    }
    // What the token endpoint would grant the child, by the same rule.
    if (!(appAudiences.grantFor(AppName.of(app)) instanceof AppAudiences.Granted granted)) {
      return Optional.empty();
    }
    try {
      return Optional.of(tokens.tokenFor(granted.audiences(), user, request, response).getTokenValue());
    } catch (AudienceTokens.SessionEndedException | AudienceTokens.ProviderUnavailableException e) {
      // The child's own token request says what happened (a login ended at the provider ends
      // the session there); the page does without.
      throw new TokenUnavailableException("No token of " + app + " for this page: " + e.getMessage(), e);
    }
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
