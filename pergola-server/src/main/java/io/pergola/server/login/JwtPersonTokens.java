package io.pergola.server.login;

import io.pergola.server.auth.Caller;
import io.pergola.server.auth.PersonTokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

/**
 * People's access tokens on the API: a JWT from the login's provider, checked for signature
 * (never {@code alg: none}), issuer, audience ({@code pergola.login.api-audience}) and expiry;
 * its groups claim makes the person an admin or a member of teams.
 */
final class JwtPersonTokens implements PersonTokens {

  private final JwtDecoder decoder;
  private final LoginProperties login;

  JwtPersonTokens(JwtDecoder decoder, LoginProperties login) {
    this.decoder = decoder;
    this.login = login;
  }

  @Override
  public Caller.Person authenticate(String token) {
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtValidationException e) {
      // Name every check that failed: issuer, audience, expiry.
      String why =
          e.getErrors().stream()
              .map(error -> error.getDescription() != null ? error.getDescription() : error.getErrorCode())
              .collect(java.util.stream.Collectors.joining("; "));
      // Bearer error descriptions may not hold quotes (RFC 6750), or Spring replaces them.
      throw new BadOpaqueTokenException(why.replace("\"", "'"), e);
    } catch (JwtException e) {
      throw new BadOpaqueTokenException(e.getMessage(), e);
    }
    if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
      throw new BadOpaqueTokenException("The token names no subject (sub)");
    }
    boolean admin = false;
    Set<String> teams = new LinkedHashSet<>();
    for (String group : groups(jwt)) {
      // Keycloak writes group paths (/pergola-admin); other providers plain names.
      String name = group.startsWith("/") ? group.substring(1) : group;
      if (name.equals(login.adminGroup())) {
        admin = true;
      } else if (name.startsWith(login.teamGroupPrefix()) && name.length() > login.teamGroupPrefix().length()) {
        teams.add(name.substring(login.teamGroupPrefix().length()));
      }
    }
    return new Caller.Person(jwt.getSubject(), admin, teams);
  }

  private List<String> groups(Jwt jwt) {
    Object claim = jwt.getClaims().get(login.groupsClaim());
    if (claim instanceof String single) {
      return List.of(single);
    }
    if (claim instanceof java.util.Collection<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
