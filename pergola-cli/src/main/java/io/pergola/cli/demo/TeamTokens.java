package io.pergola.cli.demo;

import io.pergola.server.config.ServerOrigin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * How each demo team's API checks its callers, as a real resource server would: the bearer
 * token's signature against the provider's published JWKS, the issuer, the team's own audience
 * ({@code shipping-api}, ...) and expiry. A token for another team's API is refused.
 */
@Component
public class TeamTokens {

  private final ServerOrigin origin;
  private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

  TeamTokens(ServerOrigin origin) {
    this.origin = origin;
  }

  /** The caller's token, checked for {@code audience}; 401 when missing or not valid. */
  Jwt require(String audience, String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in: this API needs a bearer token for " + audience);
    }
    try {
      return decoders.computeIfAbsent(audience, this::decoder).decode(authorization.substring("Bearer ".length()));
    } catch (JwtException e) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The token is not valid for " + audience + ": " + e.getMessage());
    }
  }

  private JwtDecoder decoder(String audience) {
    String issuer = origin.uri().toString();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(audience)));
    return decoder;
  }
}
