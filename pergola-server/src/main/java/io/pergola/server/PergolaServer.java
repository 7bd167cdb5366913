package io.pergola.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Pergola server: registry, asset origin, environments and shell host in one process.
 *
 * <p>Started by {@code pergola serve} (see {@code pergola-cli}) or by tests through {@link
 * #start(String...)}. Every setting is a Spring property under {@code pergola.*}; the embedded
 * defaults (H2 file and local blob directory under {@code ./pergola-data}) need none.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PergolaServer {

  /** Starts the server with Spring-style arguments ({@code --server.port=0}, ...). */
  public static ConfigurableApplicationContext start(String... args) {
    return start(new Class<?>[0], args);
  }

  /** Starts the server with further configuration classes (the demo's team APIs, ...). */
  public static ConfigurableApplicationContext start(Class<?>[] extraSources, String... args) {
    Class<?>[] sources = new Class<?>[extraSources.length + 1];
    sources[0] = PergolaServer.class;
    System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
    return new SpringApplication(sources).run(args);
  }

  public static void main(String[] args) {
    start(args);
  }
}
