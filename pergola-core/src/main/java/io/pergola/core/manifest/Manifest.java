package io.pergola.core.manifest;

import io.pergola.core.Require;
import io.pergola.core.semver.SemVer;
import io.pergola.core.semver.SemVerRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child's or library's {@code pergola.json}, parsed and checked by {@link ManifestParser}.
 *
 * @param name the app's name, its import-map specifier
 * @param version the version, immutable once published
 * @param kind how the shell integrates it
 * @param entry the entry module's path in the bundle
 * @param element the custom element's tag (web components)
 * @param exposes the exposed module to mount (federation containers)
 * @param routes the routes the child wants, for a shell layout that does not say otherwise
 * @param requires shared libraries the child needs, with the ranges it accepts
 * @param audiences the API audiences the child may get the signed-in user's tokens for
 * @param description a sentence for people
 * @param json the manifest's text as published, kept verbatim
 */
public record Manifest(
    AppName name,
    SemVer version,
    IntegrationKind kind,
    String entry,
    Optional<String> element,
    Optional<String> exposes,
    List<String> routes,
    Map<AppName, SemVerRange> requires,
    List<String> audiences,
    String description,
    String json) {

  public Manifest {
    Require.nonNull(name, "name");
    Require.nonNull(version, "version");
    Require.nonNull(kind, "kind");
    Require.nonNull(entry, "entry");
    routes = List.copyOf(routes);
    requires = Map.copyOf(requires);
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    description = description == null ? "" : description;
  }
}
