package io.pergola.server.auth;

import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

/**
 * Accepts access tokens that the login's OpenID provider issued to people, so the API can act
 * as the signed-in user. Present only when a login is configured.
 */
public interface PersonTokens {

  /**
   * The person a token stands for.
   *
   * @throws BadOpaqueTokenException naming why the token is refused (signature, issuer, audience,
   *     expiry)
   */
  Caller.Person authenticate(String token);
}
