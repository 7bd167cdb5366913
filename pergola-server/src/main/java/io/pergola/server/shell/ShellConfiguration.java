package io.pergola.server.shell;

import io.pergola.server.deploy.CurrentRevisions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the shell after the security filters and before Spring MVC. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

  @Bean
  FilterRegistrationBean<ShellFilter> shell(
      ShellPage page,
      RuntimeFiles runtime,
      CurrentRevisions revisions,
      ShellProperties properties,
      ObjectProvider<ShellLogin> login) {
    FilterRegistrationBean<ShellFilter> registration =
        new FilterRegistrationBean<>(
            new ShellFilter(page, runtime, revisions, properties, login.getIfAvailable()));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    registration.setName("pergolaShell");
    return registration;
  }
}
