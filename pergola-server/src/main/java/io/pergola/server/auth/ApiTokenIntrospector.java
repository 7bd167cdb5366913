package io.pergola.server.auth;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves a presented bearer token to its {@link Caller} by looking up its hash, so Spring
 * Security's resource server treats Pergola's API tokens like any opaque token.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

  private final ApiTokens tokens;

  ApiTokenIntrospector(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    Caller caller =
        tokens
            .findByToken(token)
            .orElseThrow(() -> new BadOpaqueTokenException("The API token is unknown or revoked"));
    return new CallerPrincipal(caller);
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
