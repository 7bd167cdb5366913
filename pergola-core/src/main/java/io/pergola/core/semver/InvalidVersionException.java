package io.pergola.core.semver;

import io.pergola.core.PergolaException;

/** A version or a version range that does not follow SemVer 2.0 or npm's range syntax. */
public class InvalidVersionException extends PergolaException {

  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String message) {
    super(message);
  }
}
