package io.pergola.server.shell;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The {@code #pergola-config} document the runtime starts from (see {@code
 * pergola-runtime/README.md} for each field).
 */
record ShellConfig(
    String environment,
    long revision,
    String telemetryUrl,
    long mountTimeoutMs,
    Auth auth,
    Map<String, App> apps,
    List<Slot> slots,
    List<ShellProperties.Route> routes,
    String outlet,
    NotFound notFound) {

  /** The login as the runtime needs it; {@code user} is null on a public page nobody signed in to. */
  record Auth(String tokenUrl, String logoutUrl, Map<String, Object> user) {}

  /**
   * A deployed child as the runtime needs it. {@code token} is true when a user is signed in and
   * the child declares audiences: the runtime then fetches the child's first token while its
   * code loads (for a child the page shows first, the page itself has asked for it). What a
   * kind does not use ({@code element}, {@code shadow}, {@code exposes}) is left out rather than
   * written as null: every page carries every app.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record App(
      String version,
      String kind,
      String specifier,
      String element,
      Boolean shadow,
      String exposes,
      List<String> requires,
      boolean token) {}

  record Slot(String name, String app, String target) {}

  /** The texts of the runtime's not-found view: its heading and its link to the home page. */
  record NotFound(String title, String home) {}
}
