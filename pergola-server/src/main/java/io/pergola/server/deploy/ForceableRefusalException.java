package io.pergola.server.deploy;

import io.pergola.core.PergolaException;
import java.util.List;

/**
 * A deploy refused for reasons an admin may force it past ({@code "force": true}, audited), each
 * reason one of its {@link #violations()}.
 */
public class ForceableRefusalException extends PergolaException {

  private static final long serialVersionUID = 1L;

  private final List<String> violations;
  private final String slug;
  private final String title;

  /**
   * @param slug the problem type's, {@code urn:pergola:problem:<slug>}
   * @param whatToDo the sentence after the violations
   */
  ForceableRefusalException(String slug, String title, List<String> violations, String whatToDo) {
    super(String.join("; ", violations) + ". " + whatToDo);
    this.slug = slug;
    this.title = title;
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
