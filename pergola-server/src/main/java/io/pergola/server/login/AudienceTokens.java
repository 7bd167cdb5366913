package io.pergola.server.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.server.telemetry.Throttle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Access tokens for one audience set, made from the session's login on the server: the login's
 * refresh token is redeemed for a token whose scopes (and so audiences) are narrowed to what the
 * child declared. Tokens are kept in the session and renewed shortly before they expire, one
 * renewal at a time per session, so concurrent children share it. A provider that cannot be
 * reached is left alone for {@link #PROVIDER_REST} (no session waits out its timeout again
 * meanwhile), and a kept token still valid a while is handed out in place of its renewal.
 */
final class AudienceTokens {

  private static final Logger log = LoggerFactory.getLogger(AudienceTokens.class);

  private static final String CACHE = AudienceTokens.class.getName() + ".CACHE";
  private static final String ID_TOKEN = AudienceTokens.class.getName() + ".ID_TOKEN";
  private static final Duration MAX_LEAD = Duration.ofSeconds(45);
  /** How long a provider that could not be reached is left alone; the token endpoint's Retry-After. */
  static final Duration PROVIDER_REST = Duration.ofSeconds(5);
  /** A token is still handed out while its renewal fails if it is valid this much longer. */
  private static final Duration STILL_USABLE = Duration.ofSeconds(2);

  private final OAuth2AuthorizedClientRepository repository;
  private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshes;
  private final MeterRegistry meters;
  private final Throttle warnings = new Throttle(Duration.ofMinutes(1));
  private final Clock clock;
  private volatile Instant providerRestsUntil = Instant.MIN;

  AudienceTokens(
      OAuth2AuthorizedClientRepository repository,
      OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshes,
      MeterRegistry meters,
      Clock clock) {
    this.repository = repository;
    this.refreshes = refreshes;
    this.meters = meters;
    this.clock = clock;
  }

  /** The session's login ended at the provider (or never had a refresh token): sign in again. */
  static final class SessionEndedException extends RuntimeException {
    SessionEndedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The provider could not be asked (no connection, no answer in time, a server error, an answer
   * that is no token response): the login may well be alive, so the session is kept and the
   * caller may try again.
   */
  static final class ProviderUnavailableException extends RuntimeException {
    ProviderUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A valid access token for {@code audiences}, renewed if it is about to expire. */
  OAuth2AccessToken tokenFor(
      List<String> audiences, OAuth2AuthenticationToken user, HttpServletRequest request, HttpServletResponse response) {
    String key = String.join(" ", new TreeSet<>(audiences));
    HttpSession session = request.getSession();
    Entry cached = cache(session).get(key);
    if (cached != null && fresh(cached.token())) {
      return cached.token();
    }
    synchronized (lock(session)) {
      Map<String, Entry> cache = cache(session);
      cached = cache.get(key);
      if (cached != null && fresh(cached.token())) {
        return cached.token();
      }
      if (clock.instant().isBefore(providerRestsUntil)) {
        return unrenewed(
            cached,
            new ProviderUnavailableException(
                "The sign-in provider could not renew the login a moment ago; it is asked again shortly", null));
      }
      OAuth2AuthorizedClient login = login(user, request);
      OAuth2AccessTokenResponse answer;
      try {
        answer =
            refreshes.getTokenResponse(
                new OAuth2RefreshTokenGrantRequest(
                    login.getClientRegistration(), login.getAccessToken(), login.getRefreshToken(), Set.copyOf(audiences)));
      } catch (OAuth2AuthorizationException e) {
        if (unavailable(e)) {
          // Every session would wait out the provider's timeout in turn: let it rest a while.
          providerRestsUntil = clock.instant().plus(PROVIDER_REST);
          ProviderUnavailableException unavailable = new ProviderUnavailableException(
              "The sign-in provider could not renew the login: it " + failure((RestClientException) e.getCause()), e);
          if (warnings.due("provider")) {
            log.warn("{}; people stay signed in meanwhile, and the provider is asked again in {} s",
                unavailable.getMessage(), PROVIDER_REST.toSeconds());
          }
          return unrenewed(cached, unavailable);
        }
        count("refused");
        throw new SessionEndedException("The provider refused to renew the login: " + e.getError(), e);
      }
      if (answer.getRefreshToken() != null && !answer.getRefreshToken().getTokenValue().equals(login.getRefreshToken().getTokenValue())) {
        // The provider rotates refresh tokens: the login must use the new one from now on.
        repository.saveAuthorizedClient(
            new OAuth2AuthorizedClient(
                login.getClientRegistration(), login.getPrincipalName(), login.getAccessToken(), answer.getRefreshToken()),
            user,
            request,
            response);
      }
      // A provider may answer a refresh with a new ID token and forget the old one (Spring
      // Authorization Server does): logout must then name the new one as its hint.
      if (answer.getAdditionalParameters().get("id_token") instanceof String idToken) {
        session.setAttribute(ID_TOKEN, idToken);
      }
      Map<String, Entry> next = new HashMap<>(cache);
      next.put(key, new Entry(answer.getAccessToken()));
      // Set again, not only mutated, so a session store that persists attributes sees the change.
      session.setAttribute(CACHE, next);
      count("renewed");
      return answer.getAccessToken();
    }
  }

  /**
   * Whether the refresh failed on the way rather than being refused: Spring Security reports both
   * as an authorization exception, an OAuth 2 error answer ({@code invalid_grant}: the login
   * ended) without a cause, anything else with the HTTP client's exception as its cause. A 4xx
   * answer other than 429 is the provider's word on this client or login, so it counts as refused.
   */
  private static boolean unavailable(OAuth2AuthorizationException e) {
    return switch (e.getCause()) {
      case HttpClientErrorException answer -> answer.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS);
      case RestClientException failure -> true;
      case null, default -> false;
    };
  }

  /** What went wrong, said without the provider's answer (which could be any page). */
  private static String failure(RestClientException e) {
    return switch (e) {
      case RestClientResponseException answer -> "answered " + answer.getStatusCode().value();
      case ResourceAccessException io when io.getCause() instanceof HttpTimeoutException -> "did not answer in time";
      case ResourceAccessException io -> "could not be reached (" + io.getCause() + ")";
      default -> "answered no token response";
    };
  }

  /** The latest ID token a refresh brought, if any: the hint for RP-initiated logout. */
  static Optional<String> latestIdToken(HttpSession session) {
    return session.getAttribute(ID_TOKEN) instanceof String idToken ? Optional.of(idToken) : Optional.empty();
  }

  /** The session's login; only its refresh token is used, the provider checks it each time. */
  private OAuth2AuthorizedClient login(OAuth2AuthenticationToken user, HttpServletRequest request) {
    OAuth2AuthorizedClient login =
        repository.loadAuthorizedClient(user.getAuthorizedClientRegistrationId(), user, request);
    if (login == null || login.getRefreshToken() == null) {
      throw new SessionEndedException(
          "The login has no refresh token; the provider must grant offline_access to the shell", null);
    }
    return login;
  }

  /** The kept token if it is still usable, else {@code failure}: a renewal that could not be had. */
  private OAuth2AccessToken unrenewed(Entry cached, ProviderUnavailableException failure) {
    Optional<OAuth2AccessToken> usable = stillUsable(cached);
    count(usable.isPresent() ? "kept" : "unavailable");
    return usable.orElseThrow(() -> failure);
  }

  /** Counts a renewal by how it went, for an operator's alert on a provider in trouble. */
  private void count(String outcome) {
    Counter.builder("pergola.login.renewals")
        .description("Renewals of people's tokens at the provider, by outcome: renewed, refused (the login"
            + " ended), kept (the provider unreachable, a still valid token answered), unavailable")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  /**
   * The cached token while it is valid a little longer: when the provider cannot renew it, the
   * child may as well go on with it (the renewal starts up to 45 s before it expires).
   */
  private Optional<OAuth2AccessToken> stillUsable(Entry cached) {
    if (cached == null) {
      return Optional.empty();
    }
    Instant expires = cached.token().getExpiresAt();
    return expires == null || clock.instant().plus(STILL_USABLE).isBefore(expires)
        ? Optional.of(cached.token())
        : Optional.empty();
  }

  /** Renewed when less than 45 s, or half its lifetime for short-lived tokens, are left. */
  private boolean fresh(OAuth2AccessToken token) {
    Instant expires = token.getExpiresAt();
    if (expires == null) {
      return true;
    }
    Instant issued = token.getIssuedAt() != null ? token.getIssuedAt() : expires.minus(MAX_LEAD.multipliedBy(2));
    Duration half = Duration.between(issued, expires).dividedBy(2);
    Duration lead = half.compareTo(MAX_LEAD) < 0 ? half : MAX_LEAD;
    return clock.instant().plus(lead).isBefore(expires);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Entry> cache(HttpSession session) {
    Object cache = session.getAttribute(CACHE);
    return cache instanceof Map<?, ?> map ? (Map<String, Entry>) map : Map.of();
  }

  private static Object lock(HttpSession session) {
    // The session id is interned per JVM: one lock per session without storing a lock in it.
    return ("pergola-token-lock:" + session.getId()).intern();
  }

  /** A cached token; serializable so sessions can be persisted. */
  record Entry(OAuth2AccessToken token) implements Serializable {}
}
