package io.pergola.core.manifest;

import io.pergola.core.PergolaException;
import java.util.List;

/**
 * A {@code pergola.json} that is not valid JSON, breaks the manifest schema, or names something
 * impossible. {@link #violations()} lists every problem found, each starting with the JSON
 * location it concerns ({@code /version: ...}).
 */
public class InvalidManifestException extends PergolaException {

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  public InvalidManifestException(List<String> violations) {
    super("The manifest pergola.json is not valid: " + String.join("; ", violations));
    this.violations = List.copyOf(violations);
  }

  /** Every problem, each naming its place in the manifest. */
  public List<String> violations() {
    return violations;
  }
}
