package io.pergola.e2e;

import io.pergola.server.config.ServerOrigin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's API as children call it, run beside Pergola on the same origin: it validates the
 * bearer token like any resource server would (signature against the provider's published
 * JWKS, issuer, its own audience, expiry) and tells who the token stands for.
 */
@Configuration(proxyBeanMethods = false)
class TeamApiFixture {

  @Bean
  @Order(50)
  SecurityFilterChain teamApis(HttpSecurity http) throws Exception {
    // The API checks tokens itself, below; the shell's session plays no part.
    http.securityMatcher("/demo-api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @RestController
  static class WhoAmI {

    private final ServerOrigin origin;
    private final String externalIssuer;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    WhoAmI(ServerOrigin origin, org.springframework.core.env.Environment environment) {
      this.origin = origin;
      this.externalIssuer = environment.getProperty("pergola.login.issuer-uri");
    }

    @GetMapping("/demo-api/e2e/{audience}/whoami")
    ResponseEntity<Map<String, Object>> whoami(
        @PathVariable String audience, @RequestHeader(name = "Authorization", required = false) String authorization) {
      if (authorization == null || !authorization.startsWith("Bearer ")) {
        return ResponseEntity.status(401).body(Map.of("error", "no bearer token"));
      }
      try {
        Jwt jwt = decoders.computeIfAbsent(audience, this::decoder).decode(authorization.substring(7));
        return ResponseEntity.ok(
            Map.of(
                // Keycloak's subjects are opaque ids; both providers name the person here.
                "user", jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject(),
                "aud", String.join(",", jwt.getAudience()),
                "jti", jwt.getId()));
      } catch (JwtException e) {
        return ResponseEntity.status(401).body(Map.of("error", e.getMessage()));
      }
    }

    /** The embedded provider's keys, or an external provider's found through its discovery. */
    private JwtDecoder decoder(String audience) {
      String issuer = externalIssuer != null ? externalIssuer : origin.uri().toString();
      NimbusJwtDecoder decoder =
          externalIssuer != null
              ? NimbusJwtDecoder.withIssuerLocation(issuer).build()
              : NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
      decoder.setJwtValidator(
          new DelegatingOAuth2TokenValidator<>(
              JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(audience)));
      return decoder;
    }
  }
}
