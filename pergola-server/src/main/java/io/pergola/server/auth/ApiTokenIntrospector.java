package io.pergola.server.auth;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves a presented bearer token to its {@link Caller}: a Pergola API token by looking up its
 * hash, a JSON Web Token (three dot-separated parts) from the login's OpenID provider through
 * {@link PersonTokens} when a login is configured. Spring Security's resource server thus treats
 * both like any opaque token.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

  private final ApiTokens tokens;
  private final ObjectProvider<PersonTokens> people;

  ApiTokenIntrospector(ApiTokens tokens, ObjectProvider<PersonTokens> people) {
    this.tokens = tokens;
    this.people = people;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    PersonTokens persons = people.getIfAvailable();
    if (persons != null && isJwt(token)) {
      return new CallerPrincipal(persons.authenticate(token));
    }
    Optional<Caller> caller = tokens.findByToken(token);
    if (caller.isEmpty()) {
      throw new BadOpaqueTokenException(
          tokens.expiredAt(token)
              .map(at -> "The API token expired at " + at.toInstant().truncatedTo(ChronoUnit.SECONDS)
                  + "; an admin issues a new one (pergola tokens create)")
              .orElse("The API token is unknown or revoked"));
    }
    return new CallerPrincipal(caller.get());
  }

  private static boolean isJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  /** The authenticated principal: the caller, with its role as the one authority. */
  record CallerPrincipal(Caller caller) implements OAuth2AuthenticatedPrincipal {

    @Override
    public Map<String, Object> getAttributes() {
      return Map.of("sub", caller.id());
    }

    @Override
    public List<GrantedAuthority> getAuthorities() {
      return List.of(new SimpleGrantedAuthority(caller.isAdmin() ? "ROLE_ADMIN" : "ROLE_TEAM"));
    }

    @Override
    public String getName() {
      return caller.id();
    }
  }
}
