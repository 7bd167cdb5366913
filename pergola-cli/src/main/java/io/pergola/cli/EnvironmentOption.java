package io.pergola.cli;

import picocli.CommandLine.Option;

/** {@code --env}: which environment a deploy command acts on. */
final class EnvironmentOption {

  @Option(
      names = {"-e", "--env"},
      paramLabel = "ENV",
      description = "Environment (env PERGOLA_ENV, default production).")
  String env;

  String name() {
    String fromEnvironment = System.getenv("PERGOLA_ENV");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "production";
  }
}
