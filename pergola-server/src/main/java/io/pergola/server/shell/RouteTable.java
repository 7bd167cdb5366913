package io.pergola.server.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The shell's routes, matched as the runtime matches them: by path segment, {@code /billing}
 * matching {@code /billing} and {@code /billing/invoices/42} but not {@code /billingx};
 * {@code :name} matching any one segment; a trailing {@code *} any rest. The most specific route
 * (most static segments) wins.
 */
final class RouteTable {

  /** A route with its pattern cut into segments once, not on every page view. */
  private record Compiled(ShellProperties.Route route, String[] segments) {}

  private final List<ShellProperties.Route> routes;
  private final List<Compiled> compiled;

  RouteTable(List<ShellProperties.Route> routes) {
    this.routes =
        routes.stream()
            .sorted(Comparator.comparingInt((ShellProperties.Route r) -> staticSegments(r.path())).reversed())
            .toList();
    this.compiled = this.routes.stream().map(route -> new Compiled(route, segments(route.path()))).toList();
  }

  List<ShellProperties.Route> routes() {
    return routes;
  }

  /** The app whose route matches {@code path}, or null. */
  String appFor(String path) {
    String[] have = segments(path);
    for (Compiled route : compiled) {
      if (matches(route.segments(), have)) {
        return route.route().app();
      }
    }
    return null;
  }

  static boolean matches(String pattern, String path) {
    return matches(segments(pattern), segments(path));
  }

  private static boolean matches(String[] want, String[] have) {
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

  /** The non-empty parts of a path between slashes: {@code //a//b/} gives {@code a, b}. */
  static String[] segments(String path) {
    List<String> segments = new ArrayList<>();
    int end = 0;
    while (end < path.length()) {
      int start = end;
      while (start < path.length() && path.charAt(start) == '/') {
        start++;
      }
      end = start;
      while (end < path.length() && path.charAt(end) != '/') {
        end++;
      }
      if (end > start) {
        segments.add(path.substring(start, end));
      }
    }
    return segments.toArray(String[]::new);
  }
}
