package io.pergola.core.deploy;

import io.pergola.core.manifest.AppName;
import io.pergola.core.manifest.IntegrationKind;
import io.pergola.core.semver.SemVer;
import io.pergola.core.semver.SemVerRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Checks that every deployed child finds the shared libraries its manifest requires, in a version
 * its range accepts. Canaries count on both sides: a child's canary version must be satisfied too,
 * and a library's canary must satisfy every child, since some users get it.
 *
 * <p>A deploy is judged by the violations it would <em>add</em>: one that was forced in earlier
 * does not block unrelated deploys, and is reported again only when it changes.
 */
public final class LibraryContracts {

  /** What a published version declares that contracts care about. */
  public record Declared(IntegrationKind kind, Map<AppName, SemVerRange> requires) {}

  private LibraryContracts() {}

  /** Violations present in {@code target} but not in {@code current}, as sentences. */
  public static List<String> introducedBy(
      String environment,
      Map<AppName, Deployment> current,
      Map<AppName, Deployment> target,
      BiFunction<AppName, SemVer, Declared> declared) {
    Set<String> before = new LinkedHashSet<>(violations(environment, current, declared));
    List<String> introduced = new ArrayList<>();
    for (String violation : violations(environment, target, declared)) {
      if (!before.contains(violation)) {
        introduced.add(violation);
      }
    }
    return introduced;
  }

  /** Every violation in {@code deployments}, in a stable order. */
  public static List<String> violations(
      String environment,
      Map<AppName, Deployment> deployments,
      BiFunction<AppName, SemVer, Declared> declared) {
    List<String> violations = new ArrayList<>();
    for (Deployment child : byName(deployments).values()) {
      for (SemVer childVersion : versionsOf(child)) {
        Declared declaration = declared.apply(child.app(), childVersion);
        for (var requirement : byName(declaration.requires()).entrySet()) {
          AppName library = AppName.of(requirement.getKey());
          SemVerRange range = requirement.getValue();
          Deployment deployedLibrary = deployments.get(library);
          if (deployedLibrary == null) {
            violations.add(
                child.app() + " " + childVersion + " requires " + library + " " + range + ", but "
                    + environment + " does not deploy " + library);
            continue;
          }
          for (SemVer libraryVersion : versionsOf(deployedLibrary)) {
            if (!range.isSatisfiedBy(libraryVersion)) {
              violations.add(
                  child.app() + " " + childVersion + " requires " + library + " " + range
                      + ", but " + environment + " has " + library + " " + libraryVersion);
            }
          }
        }
      }
    }
    return violations;
  }

  private static List<SemVer> versionsOf(Deployment deployment) {
    return deployment.canary().isPresent()
        ? List.of(deployment.version(), deployment.canary().get().version())
        : List.of(deployment.version());
  }

  private static <V> Map<String, V> byName(Map<AppName, V> map) {
    Map<String, V> sorted = new TreeMap<>();
    map.forEach((name, value) -> sorted.put(name.value(), value));
    return sorted;
  }
}
