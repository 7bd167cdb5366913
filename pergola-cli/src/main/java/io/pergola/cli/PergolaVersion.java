package io.pergola.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, so {@code --version} never goes stale. */
final class PergolaVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = PergolaVersion.class.getPackage().getImplementationVersion();
    return new String[] {"pergola " + (version == null ? "(development build)" : version)};
  }
}
