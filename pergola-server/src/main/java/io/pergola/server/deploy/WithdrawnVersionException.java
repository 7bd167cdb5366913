package io.pergola.server.deploy;

import java.util.List;

/** A deploy would give people a version its team withdrew. */
public class WithdrawnVersionException extends ForceableRefusalException {

  private static final long serialVersionUID = 1L;

  WithdrawnVersionException(List<String> violations) {
    super("version-withdrawn", "Version withdrawn", violations, "Deploy another version, take the withdrawal back, or an admin may force this deploy.");
  }
}
