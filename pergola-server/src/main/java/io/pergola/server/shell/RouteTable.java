package io.pergola.server.shell;

import java.util.Comparator;
import java.util.List;

/**
 * The shell's routes, matched as the runtime matches them: by path segment, {@code /billing}
 * matching {@code /billing} and {@code /billing/invoices/42} but not {@code /billingx};
 * {@code :name} matching any one segment; a trailing {@code *} any rest. The most specific route
 * (most static segments) wins.
 */
final class RouteTable {

  private final List<ShellProperties.Route> routes;

  RouteTable(List<ShellProperties.Route> routes) {
    this.routes =
        routes.stream()
            .sorted(Comparator.comparingInt((ShellProperties.Route r) -> staticSegments(r.path())).reversed())
            .toList();
  }

  List<ShellProperties.Route> routes() {
    return routes;
  }

  /** The app whose route matches {@code path}, or null. */
  String appFor(String path) {
    for (ShellProperties.Route route : routes) {
      if (matches(route.path(), path)) {
        return route.app();
      }
    }
    return null;
  }

  static boolean matches(String pattern, String path) {
    String[] want = segments(pattern);
    String[] have = segments(path);
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("*")) {
        return true;
      }
      if (i >= have.length) {
        return false;
      }
      if (!want[i].startsWith(":") && !want[i].equals(have[i])) {
        return false;
      }
    }
    return true; // a prefix: deeper paths belong to the same child
  }

  private static int staticSegments(String pattern) {
    int count = 0;
    for (String segment : segments(pattern)) {
      if (!segment.startsWith(":") && !segment.equals("*")) {
        count++;
      }
    }
    return count;
  }

  private static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
  }
}
