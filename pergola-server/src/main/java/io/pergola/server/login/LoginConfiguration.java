package io.pergola.server.login;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.server.auth.PersonTokens;
import io.pergola.server.auth.ProblemResponses;
import io.pergola.server.config.ServerOrigin;
import io.pergola.server.deploy.CurrentRevisions;
import io.pergola.server.deploy.DeployedVersions;
import io.pergola.server.identity.EmbeddedClient;
import io.pergola.server.identity.ShellClient;
import io.pergola.server.shell.ShellLogin;
import io.pergola.server.shell.ShellProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shell as an OpenID Connect relying party in the backend-for-frontend style: authorization
 * code with PKCE, tokens kept in the server-side session, an HttpOnly SameSite session cookie in
 * the browser. Every shell path needs a login except the configured public routes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LoginCondition.class)
class LoginConfiguration {

  @Bean
  ShellClientRegistrations shellClientRegistrations(
      LoginProperties login, ServerOrigin origin, ObjectProvider<EmbeddedClient> embedded) {
    return new ShellClientRegistrations(login, origin, embedded);
  }

  /** The shell as the embedded provider's client, for when that provider is the one in use. */
  @Bean
  ShellClient shellClient(LoginProperties login) {
    return new ShellClient(LoginProperties.REDIRECT_PATH, login.loginScopes(), login.audiences(), login.apiAudience());
  }

  @Bean
  OAuth2AuthorizedClientRepository authorizedClients() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  @Bean
  ProviderHttp providerHttp(LoginProperties login) {
    return new ProviderHttp(login.providerTimeout());
  }

  @Bean
  AudienceTokens audienceTokens(
      OAuth2AuthorizedClientRepository authorizedClients, ProviderHttp provider, MeterRegistry meters) {
    RestClientRefreshTokenTokenResponseClient refreshes = new RestClientRefreshTokenTokenResponseClient();
    refreshes.setRestClient(provider.tokenEndpoint());
    return new AudienceTokens(authorizedClients, refreshes, meters, Clock.systemUTC());
  }

  @Bean
  AppAudiences appAudiences(
      CurrentRevisions revisions, DeployedVersions versions, ShellProperties shell, LoginProperties login) {
    return new AppAudiences(revisions, versions, shell, login);
  }

  @Bean
  CrossSiteGuard crossSiteGuard(ServerOrigin origin) {
    return new CrossSiteGuard(origin);
  }

  @Bean
  ShellLogin shellLogin(AudienceTokens tokens, AppAudiences appAudiences) {
    return new OidcShellLogin(tokens, appAudiences);
  }

  /**
   * People's tokens on the API. The embedded provider's keys are read in-process; an external
   * provider's from its JWKS, found through its discovery document on first use.
   */
  @Bean
  PersonTokens personTokens(
      LoginProperties login,
      ServerOrigin origin,
      ProviderHttp provider,
      ObjectProvider<JWKSource<SecurityContext>> embeddedKeys) {
    SupplierJwtDecoder decoder =
        new SupplierJwtDecoder(
            () -> {
              String issuer;
              NimbusJwtDecoder nimbus;
              if (login.provider() == LoginProperties.Provider.EMBEDDED) {
                issuer = origin.uri().toString();
                nimbus = NimbusJwtDecoder.withJwkSource(embeddedKeys.getObject()).build();
              } else {
                issuer = login.issuerUri().toString();
                nimbus = NimbusJwtDecoder.withIssuerLocation(issuer).restOperations(provider.keys()).build();
              }
              nimbus.setJwtValidator(
                  new DelegatingOAuth2TokenValidator<>(
                      JwtValidators.createDefaultWithIssuer(issuer), audience(login.apiAudience())));
              return nimbus;
            });
    return new JwtPersonTokens(decoder, login);
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    return jwt ->
        jwt.getAudience() != null && jwt.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(
                new OAuth2Error("invalid_token", "The token's audience is not Pergola's API, " + audience, null));
  }

  @Bean
  @Order(100)
  SecurityFilterChain shellSignIn(
      HttpSecurity http,
      LoginProperties login,
      ServerOrigin origin,
      ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientRepository authorizedClients,
      ProviderHttp provider,
      JsonMapper json)
      throws Exception {
    RestClientAuthorizationCodeTokenResponseClient codes = new RestClientAuthorizationCodeTokenResponseClient();
    codes.setRestClient(provider.tokenEndpoint());
    DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
    userInfo.setRestOperations(provider.userInfo());
    OidcUserService people = new OidcUserService();
    people.setOauth2UserService(userInfo);
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    // Only page views are worth returning to after sign-in, never the runtime's token calls.
    HttpSessionRequestCache deepLinks = new HttpSessionRequestCache();
    deepLinks.setMatchingRequestParameterName(null); // the deep link comes back as it was
    deepLinks.setRequestMatcher(
        request -> "GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/auth/"));
    RequestMatcher runtimeEndpoints = request -> request.getRequestURI().startsWith("/auth/");
    ProblemResponses problems = new ProblemResponses(json);
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(new PublicRoutes(login.publicRoutes()))
                    .permitAll()
                    // The token and logout endpoints answer 401 problems themselves.
                    .requestMatchers(runtimeEndpoints)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            oauth ->
                oauth
                    .loginPage(SignInEntryPoint.AUTHORIZATION_PATH)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                    .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(codes))
                    .userInfoEndpoint(endpoint -> endpoint.oidcUserService(people))
                    // Spring's default sends a failed sign-in back to the provider, which signs
                    // a person with a session there straight in again: a redirect loop.
                    .failureHandler(new SignInFailurePage())
                    .authorizedClientRepository(authorizedClients))
        .requestCache(cache -> cache.requestCache(deepLinks))
        // Spring's DENY, written as the response commits, would replace the shell page's own
        // SAMEORIGIN (its policy's frame-ancestors 'self'); every other answer keeps DENY.
        .headers(
            headers ->
                headers
                    .frameOptions(frames -> frames.disable())
                    .addHeaderWriter(
                        (request, response) -> {
                          if (!response.containsHeader("X-Frame-Options")) {
                            response.setHeader("X-Frame-Options", "DENY");
                          }
                        }))
        // The only state-changing endpoint here, logout, has its own cross-site guard.
        .csrf(csrf -> csrf.disable())
        .logout(logout -> logout.disable())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(problems, runtimeEndpoints)
                    .defaultAuthenticationEntryPointFor(new SignInEntryPoint(origin), request -> true)
                    .accessDeniedHandler(problems));
    return http.build();
  }

}
