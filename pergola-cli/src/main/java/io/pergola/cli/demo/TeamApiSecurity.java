package io.pergola.cli.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The team APIs stand apart from the shell's session: they accept nothing but bearer tokens,
 * which {@link TeamTokens} checks, like APIs on their own servers would.
 */
@Configuration(proxyBeanMethods = false)
public class TeamApiSecurity {

  @Bean
  @Order(50)
  SecurityFilterChain teamApiChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/demo-api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()); // no cookies: a bearer token is needed for every call
    return http.build();
  }
}
