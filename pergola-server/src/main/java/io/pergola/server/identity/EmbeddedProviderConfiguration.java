package io.pergola.server.identity;

import io.pergola.server.config.ServerOrigin;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.function.SingletonSupplier;

/**
 * Pergola's embedded OpenID provider, built on Spring Authorization Server: discovery, JWKS
 * with rotating keys, authorization code with PKCE, refresh tokens, RP-initiated logout, and a
 * sign-in page at {@code /idp/login}. Its only client is the shell.
 *
 * <p>The provider keeps its sign-in in the same HTTP session as the shell's login but under its
 * own attribute names, so the two never overwrite each other's security context or saved
 * request (the shell's deep link survives the provider's own redirect to its sign-in page).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ProviderCondition.class)
class EmbeddedProviderConfiguration {

  static final String SIGN_IN = "/idp/login";

  @Bean
  EmbeddedClient embeddedClient() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new EmbeddedClient(EmbeddedClient.CLIENT_ID, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  @Bean
  SigningKeys signingKeys(IdentityProperties identity) {
    return new SigningKeys(identity.keyRotation(), Clock.systemUTC());
  }

  @Bean
  IdentityUsers identityUsers(IdentityProperties identity) {
    return new IdentityUsers(identity.users());
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(ServerOrigin origin) {
    AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
    // Without a public URL the issuer follows the request: http://127.0.0.1:<port>, the origin
    // the shell sends every browser to (see ServerOrigin).
    if (origin.isConfigured()) {
      settings.issuer(origin.uri().toString());
    }
    return settings.build();
  }

  @Bean
  RegisteredClientRepository registeredClients(
      EmbeddedClient client, ServerOrigin origin, ShellClient shell, IdentityProperties identity) {
    // The redirect URIs name the server's origin, known only once it listens.
    Supplier<InMemoryRegisteredClientRepository> repository =
        SingletonSupplier.of(
            () ->
                new InMemoryRegisteredClientRepository(RegisteredClient.withId(client.clientId())
                    .clientId(client.clientId())
                    .clientSecret("{noop}" + client.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(origin.uri() + shell.redirectPath())
                    .postLogoutRedirectUri(origin.uri() + "/")
                    .scopes(scopes -> scopes.addAll(shell.scopes()))
                    .clientSettings(
                        ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(
                        TokenSettings.builder()
                            .accessTokenTimeToLive(identity.accessTokenLifetime())
                            .refreshTokenTimeToLive(identity.refreshTokenLifetime())
                            .reuseRefreshTokens(true)
                            .build())
                    .build()));
    return new RegisteredClientRepository() {
      @Override
      public void save(RegisteredClient registeredClient) {
        // Spring Authorization Server re-saves the client to upgrade its secret's encoding.
        repository.get().save(registeredClient);
      }

      @Override
      public RegisteredClient findById(String id) {
        return repository.get().findById(id);
      }

      @Override
      public RegisteredClient findByClientId(String clientId) {
        return repository.get().findByClientId(clientId);
      }
    };
  }

  /**
   * The claims people and APIs see: the name, email and groups of the configured user, and as
   * audience of an access token the API audiences among its scopes (the shell narrows the scopes
   * per child, so each child's token names only its own audiences).
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims(IdentityUsers users, ShellClient shell) {
    return context ->
        users
            .find(context.getPrincipal().getName())
            .ifPresent(
                user -> {
                  var claims = context.getClaims();
                  claims.claim("preferred_username", user.username());
                  claims.claim("groups", user.groups());
                  if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    Set<String> audiences = new HashSet<>(context.getAuthorizedScopes());
                    audiences.retainAll(shell.audiences());
                    claims.audience(List.copyOf(audiences.isEmpty() ? Set.of(shell.defaultAudience()) : audiences));
                  }
                  // APIs greet people by name too, so access tokens carry the profile claims.
                  claims.claim("name", user.name());
                  if (user.email() != null) {
                    claims.claim("email", user.email());
                  }
                });
  }

  @Bean
  SignInThrottle signInThrottle() {
    return new SignInThrottle(Clock.systemUTC());
  }

  @Bean
  @Order(1)
  SecurityFilterChain identityProvider(HttpSecurity http, SignInThrottle throttle) throws Exception {
    HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey("PERGOLA_IDP_SECURITY_CONTEXT");
    HttpSessionRequestCache requests = new HttpSessionRequestCache();
    requests.setSessionAttrName("PERGOLA_IDP_SAVED_REQUEST");
    // Form login's own handlers, as it would make them, each outcome counted by the throttle.
    SavedRequestAwareAuthenticationSuccessHandler backToTheRequest = new SavedRequestAwareAuthenticationSuccessHandler();
    backToTheRequest.setRequestCache(requests);
    SignInThrottleFilter throttled = new SignInThrottleFilter(throttle);
    SignInThrottleFilter.Handlers counted =
        throttled.counting(backToTheRequest, new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?error"));
    http.securityMatcher(
            EmbeddedClient.AUTHORIZE, EmbeddedClient.TOKEN, EmbeddedClient.JWKS, "/oauth2/revoke",
            "/oauth2/introspect", "/.well-known/**", "/connect/**", "/userinfo", "/idp/**")
        .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(
            authorize -> authorize.requestMatchers(SIGN_IN).permitAll().anyRequest().authenticated())
        .formLogin(
            form ->
                form.loginPage(SIGN_IN)
                    .loginProcessingUrl(SIGN_IN)
                    .successHandler(counted.success())
                    .failureHandler(counted.failure())
                    .permitAll())
        .addFilterBefore(throttled, UsernamePasswordAuthenticationFilter.class)
        .securityContext(context -> context.securityContextRepository(contexts))
        .requestCache(cache -> cache.requestCache(requests))
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint(SIGN_IN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }
}
