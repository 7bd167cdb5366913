package io.pergola.server.identity;

/**
 * The shell's client registration at the embedded provider. The secret is made at start-up and
 * never leaves the process: the shell is the only client of the embedded provider.
 */
public record EmbeddedClient(String clientId, String clientSecret) {

  /** The registration id and client id of the shell at the embedded provider. */
  public static final String CLIENT_ID = "pergola-shell";

  /** Where the embedded provider's endpoints live, relative to the server's origin. */
  public static final String AUTHORIZE = "/oauth2/authorize";
  public static final String TOKEN = "/oauth2/token";
  public static final String JWKS = "/oauth2/jwks";
  public static final String END_SESSION = "/connect/logout";
}
