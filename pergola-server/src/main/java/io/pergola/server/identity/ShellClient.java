package io.pergola.server.identity;

import java.util.List;

/**
 * What the embedded provider must know of its one client, the shell's login: where it takes the
 * authorization code back, the scopes it may ask for, and the API audiences those scopes name.
 * The login declares it; the provider only reads it, so the provider depends on nothing of the
 * login's.
 *
 * @param redirectPath the login's redirect endpoint, relative to the server's origin
 * @param scopes every scope the shell may request: the sign-in scopes and the API audiences
 * @param audiences the API audiences an access token may carry, each requested as a scope
 * @param defaultAudience the audience of an access token whose scopes name none of them
 */
public record ShellClient(String redirectPath, List<String> scopes, List<String> audiences, String defaultAudience) {

  public ShellClient {
    scopes = List.copyOf(scopes);
    audiences = List.copyOf(audiences);
  }
}
