package io.pergola.server.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * When Spring Security's observations are off ({@code management.observations.enable.spring.security}
 * is false, Pergola's default), its filter chains are left undecorated as well. Turning the
 * observations off only makes them no-ops: the decorator still wrapped every filter of every
 * request to start them (5 % of a signed-in shell page's profile in bench/assets).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

  @Bean
  @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }
}
