package io.pergola.server.deploy;

import java.util.List;

/** A deploy would leave a child without the shared library version it requires. */
public class ContractViolationException extends ForceableRefusalException {

  private static final long serialVersionUID = 1L;

  ContractViolationException(List<String> violations) {
    super("library-contract", "Library contract violated", violations, "Deploy a satisfying library version first, or an admin may force this deploy.");
  }
}
