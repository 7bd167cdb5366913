package io.pergola.server.login;

import io.pergola.core.manifest.AppName;
import io.pergola.server.config.ServerOrigin;
import io.pergola.server.shell.ShellLogin;
import io.pergola.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The backend-for-frontend's two endpoints for the runtime. {@code GET /auth/token?app=NAME}
 * answers an access token for the audiences the child declares (without {@code app}: for
 * Pergola's own API), so tokens reach children without ever being stored in the browser.
 * {@code POST /auth/logout} ends the session here and answers where the browser goes to end it
 * at the provider too (RP-initiated logout).
 */
@RestController
@Conditional(LoginCondition.class)
class TokenEndpoint {

  private final AudienceTokens tokens;
  private final AppAudiences appAudiences;
  private final CrossSiteGuard guard;
  private final LoginProperties login;
  private final ShellClientRegistrations registrations;
  private final ServerOrigin origin;

  TokenEndpoint(
      AudienceTokens tokens,
      AppAudiences appAudiences,
      CrossSiteGuard guard,
      LoginProperties login,
      ShellClientRegistrations registrations,
      ServerOrigin origin) {
    this.tokens = tokens;
    this.appAudiences = appAudiences;
    this.guard = guard;
    this.login = login;
    this.registrations = registrations;
    this.origin = origin;
  }

  @GetMapping(ShellLogin.TOKEN_URL)
  ResponseEntity<?> token(
      @RequestParam(required = false) String app, HttpServletRequest request, HttpServletResponse response) {
    Optional<String> refusal = guard.refusal(request);
    if (refusal.isPresent()) {
      return problem(HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request refused", refusal.get());
    }
    if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken user)
        || !(user.getPrincipal() instanceof OidcUser person)) {
      return problem(HttpStatus.UNAUTHORIZED, "not-signed-in", "Not signed in", "Nobody is signed in to this shell session");
    }
    List<String> audiences;
    if (app == null) {
      audiences = List.of(login.apiAudience());
    } else {
      AppName name;
      try {
        name = AppName.of(app);
      } catch (RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-app-name", "Invalid app name", e.getMessage());
      }
      switch (appAudiences.grantFor(name)) {
        case AppAudiences.Refused refused -> {
          return problem(refused.status(), refused.slug(), refused.title(), refused.detail());
        }
        case AppAudiences.Granted granted -> audiences = granted.audiences();
      }
    }
    OAuth2AccessToken token;
    try {
      token = tokens.tokenFor(audiences, user, request, response);
    } catch (AudienceTokens.SessionEndedException e) {
      endSession(request);
      return problem(HttpStatus.UNAUTHORIZED, "session-ended", "Session ended", e.getMessage());
    } catch (AudienceTokens.ProviderUnavailableException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(AudienceTokens.PROVIDER_REST.toSeconds()))
          .body(
              Problems.of(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "provider-unavailable",
                  "Sign-in provider unavailable",
                  e.getMessage() + ". You are still signed in: try again in a few seconds."));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.getTokenValue());
    body.put("token_type", "Bearer");
    if (token.getExpiresAt() != null) {
      body.put("expires_at", token.getExpiresAt().getEpochSecond());
    }
    body.put("audience", audiences);
    body.put("user", OidcShellLogin.claims(person));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @PostMapping(ShellLogin.LOGOUT_URL)
  ResponseEntity<?> logout(HttpServletRequest request) {
    Optional<String> refusal = guard.refusal(request);
    if (refusal.isPresent()) {
      return problem(HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request refused", refusal.get());
    }
    String redirect = "/";
    Optional<OidcUser> user = OidcShellLogin.current();
    String endSession = user.isPresent() ? registrations.endSessionEndpoint() : null;
    if (endSession != null) {
      HttpSession session = request.getSession(false);
      String idToken =
          (session == null ? Optional.<String>empty() : AudienceTokens.latestIdToken(session))
              .orElse(user.get().getIdToken().getTokenValue());
      redirect =
          UriComponentsBuilder.fromUriString(endSession)
              .queryParam("id_token_hint", idToken)
              .queryParam("post_logout_redirect_uri", origin.uri() + "/")
              .queryParam("client_id", registrations.registration().getClientId())
              .encode()
              .build()
              .toUriString();
    }
    endSession(request);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("redirect", redirect));
  }

  private static void endSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
    return ResponseEntity.status(status).body(Problems.of(status, slug, title, detail));
  }
}
