package io.pergola.server.shell;

import io.pergola.server.deploy.CurrentRevisions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the shell page after the security filters and before Spring MVC, and the runtime's files
 * in front of every filter.
 */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

  @Bean
  FilterRegistrationBean<ShellFilter> shell(
      ShellPage page,
      CurrentRevisions revisions,
      ShellProperties properties,
      ObjectProvider<ShellLogin> login,
      @Value("${pergola.deploy.asset-base-url:}") String assetBaseUrl,
      FragmentClient fragments) {
    FilterRegistrationBean<ShellFilter> registration =
        new FilterRegistrationBean<>(
            new ShellFilter(page, revisions, properties, login.getIfAvailable(), assetBaseUrl, fragments));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    registration.setName("pergolaShell");
    return registration;
  }

  @Bean
  FilterRegistrationBean<RuntimeFilesFilter> runtimeFilesFilter(RuntimeFiles runtime) {
    FilterRegistrationBean<RuntimeFilesFilter> registration = new FilterRegistrationBean<>(new RuntimeFilesFilter(runtime));
    registration.addUrlPatterns(RuntimeFilesFilter.PREFIX + "*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("pergolaRuntimeFiles");
    return registration;
  }
}
