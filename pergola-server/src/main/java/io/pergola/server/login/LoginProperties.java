package io.pergola.server.login;

import io.pergola.core.Require;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in to the shell ({@code pergola.login.*}). The shell is an OpenID Connect
 * relying party in the backend-for-frontend style: tokens stay on the server, the browser holds
 * only the session cookie.
 *
 * @param provider {@code none} (no login: the shell is public and children get no tokens),
 *     {@code embedded} (Pergola's own OpenID provider, users from {@code pergola.identity.users})
 *     or {@code external} (any OpenID provider by issuer URI)
 * @param issuerUri the external provider's issuer
 * @param clientId the shell's client id at the external provider
 * @param clientSecret the shell's client secret at the external provider
 * @param scopes scopes the login asks for besides the audiences
 * @param audiences the API audiences children may get tokens for; each is requested as a scope of
 *     the same name, and a child gets a token only for the ones its manifest declares. The
 *     registry API's own audience is always among them.
 * @param apiAudience the audience a person's token must carry to be accepted by Pergola's API
 * @param publicRoutes shell paths anyone may open without signing in ({@code /help} matches
 *     {@code /help/**}); every other shell path needs a login
 * @param groupsClaim the claim listing a person's groups
 * @param adminGroup the group whose members are Pergola admins
 * @param teamGroupPrefix groups named with this prefix and a team name make a person a member of
 *     that team
 * @param providerTimeout how long the shell waits for the provider when it calls it itself (to
 *     redeem a sign-in's code, renew a token, read user info or keys), for the connection and
 *     again for the answer: a provider that hangs fails a call instead of holding a page
 */
@ConfigurationProperties("pergola.login")
public record LoginProperties(
    @DefaultValue("none") Provider provider,
    URI issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile", "email", "offline_access"}) List<String> scopes,
    List<String> audiences,
    @DefaultValue("pergola") String apiAudience,
    List<String> publicRoutes,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue("pergola-admin") String adminGroup,
    @DefaultValue("pergola-team-") String teamGroupPrefix,
    @DefaultValue("5s") Duration providerTimeout) {

  /** Where the provider sends the browser back to the shell with the authorization code. */
  public static final String REDIRECT_PATH = "/login/oauth2/code/pergola";

  /** Where the shell's users sign in. */
  public enum Provider {
    NONE,
    EMBEDDED,
    EXTERNAL
  }

  public LoginProperties {
    LinkedHashSet<String> all = new LinkedHashSet<>(audiences == null ? List.of() : audiences);
    all.add(apiAudience);
    audiences = List.copyOf(all);
    publicRoutes = publicRoutes == null ? List.of() : List.copyOf(publicRoutes);
    for (String route : publicRoutes) {
      Require.argument(route.startsWith("/"), "pergola.login.public-routes: %s does not start with /", route);
    }
    providerTimeout = providerTimeout == null ? Duration.ofSeconds(5) : providerTimeout;
    Require.argument(
        providerTimeout.isPositive() && providerTimeout.compareTo(Duration.ofMinutes(1)) <= 0,
        "pergola.login.provider-timeout must be between 1 ms and 1 minute, was %s",
        providerTimeout);
    if (provider == Provider.EXTERNAL) {
      Require.argument(issuerUri != null, "pergola.login.provider=external needs pergola.login.issuer-uri");
      Require.argument(clientId != null && !clientId.isBlank(), "pergola.login.provider=external needs pergola.login.client-id");
    }
  }

  /** Whether the shell has a login at all. */
  public boolean enabled() {
    return provider != Provider.NONE;
  }

  /** Every scope the login asks for: the configured ones and one per audience. */
  public List<String> loginScopes() {
    List<String> all = new ArrayList<>(scopes);
    audiences.stream().filter(audience -> !all.contains(audience)).forEach(all::add);
    return List.copyOf(all);
  }
}
