package io.pergola.server.registry;

import io.pergola.core.PergolaException;

/** The URL publishes one app or version, the bundle's manifest names another. */
public class ManifestMismatchException extends PergolaException {

  private static final long serialVersionUID = 1L;

  ManifestMismatchException(String message) {
    super(message);
  }
}
