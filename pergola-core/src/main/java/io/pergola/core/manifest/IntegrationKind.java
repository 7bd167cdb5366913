package io.pergola.core.manifest;

/** How the shell integrates a child, as its manifest's {@code kind} says. */
public enum IntegrationKind {
  /** The module defines a custom element; the runtime creates it. */
  WEB_COMPONENT("web-component"),
  /** The module exports {@code mount(element, context)} and {@code unmount(element)}. */
  MODULE("module"),
  /** The module exports single-spa's {@code bootstrap}/{@code mount}/{@code unmount}. */
  SINGLE_SPA("single-spa"),
  /** A Module Federation container ({@code init}/{@code get}); the manifest names the module. */
  FEDERATION("federation"),
  /** A shared library (a framework, a design system): imported by children, never mounted. */
  LIBRARY("library");

  private final String id;

  IntegrationKind(String id) {
    this.id = id;
  }

  /** The manifest's spelling, e.g. {@code web-component}. */
  public String id() {
    return id;
  }

  public static IntegrationKind fromId(String id) {
    for (IntegrationKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "The kind \"" + id + "\" is not one of web-component, module, single-spa, federation, library");
  }
}
