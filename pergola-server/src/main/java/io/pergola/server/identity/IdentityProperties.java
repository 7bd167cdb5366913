package io.pergola.server.identity;

import io.pergola.core.Require;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded OpenID provider ({@code pergola.identity.*}), active with {@code
 * pergola.login.provider=embedded}. It has no built-in users: every account is configuration,
 * so nothing can sign in to a production installation that did not say who may.
 *
 * @param users the people who may sign in
 * @param accessTokenLifetime how long an access token is valid; children get fresh ones through
 *     the shell's token endpoint long before it ends
 * @param refreshTokenLifetime how long a login lasts without the user coming back
 * @param keyRotation how often a new signing key is made; the previous key stays published so
 *     tokens signed with it verify until they expire
 */
@ConfigurationProperties("pergola.identity")
public record IdentityProperties(
    List<User> users,
    @DefaultValue("5m") Duration accessTokenLifetime,
    @DefaultValue("8h") Duration refreshTokenLifetime,
    @DefaultValue("1d") Duration keyRotation) {

  public IdentityProperties {
    users = users == null ? List.of() : List.copyOf(users);
    Set<String> seen = new HashSet<>();
    for (User user : users) {
      Require.argument(seen.add(user.username()), "pergola.identity.users names %s twice", user.username());
    }
    Require.argument(accessTokenLifetime.toSeconds() >= 5, "pergola.identity.access-token-lifetime must be at least 5s");
    Require.argument(
        refreshTokenLifetime.compareTo(accessTokenLifetime) > 0,
        "pergola.identity.refresh-token-lifetime must be longer than the access token's");
    Require.argument(
        keyRotation.compareTo(accessTokenLifetime) > 0,
        "pergola.identity.key-rotation must be longer than the access token lifetime");
  }

  /**
   * One person who may sign in.
   *
   * @param username the login name, also the {@code sub} and {@code preferred_username} claims
   * @param password the password: plain, or encoded with a {@code {bcrypt}}-style prefix
   * @param name the display name ({@code name} claim)
   * @param email the {@code email} claim
   * @param groups the {@code groups} claim, e.g. {@code pergola-admin} or {@code pergola-team-billing}
   */
  public record User(String username, String password, String name, String email, List<String> groups) {
    public User {
      Require.argument(username != null && !username.isBlank(), "A pergola.identity.users entry has no username");
      Require.argument(password != null && !password.isEmpty(), "The user %s has no password", username);
      name = name == null || name.isBlank() ? username : name;
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
