package io.pergola.server.auth;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's security: stateless bearer-token authentication (Pergola API tokens, and people's
 * access tokens when a login is configured), every {@code
 * /api/**} call authenticated, finer rules (admin-only, own team only) decided where the data is.
 * Public endpoints (health, OpenAPI, assets) need no token; the asset origin does not even pass
 * through this chain (see {@code io.pergola.server.assets}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

  @Bean
  @Order(10)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ApiTokenIntrospector introspector, JsonMapper json) throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/api/environments/*/importmap.json")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/telemetry/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for CSRF to ride on
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .opaqueToken(opaque -> opaque.introspector(introspector))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  @Bean
  @Order(20)
  SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
    http.securityMatcher("/health", "/actuator/**", "/v3/api-docs/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver());
  }
}
