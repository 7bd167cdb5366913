package io.pergola.server.deploy;

import io.pergola.core.PergolaException;
import java.util.List;

/** A deploy would leave a child without the shared library version it requires. */
public class ContractViolationException extends PergolaException {

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  ContractViolationException(List<String> violations) {
    super(
        String.join("; ", violations)
            + ". Deploy a satisfying library version first, or an admin may force this deploy.");
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
