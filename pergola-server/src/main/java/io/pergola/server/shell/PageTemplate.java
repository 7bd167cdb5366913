package io.pergola.server.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A layout's HTML template: the page a platform team designs around the children, with markers
 * where Pergola puts its parts. Read once and checked, so a broken template is found when it is
 * first used, with a message naming the file and the missing marker.
 */
final class PageTemplate {

  static final String HEAD = "<!-- pergola:head -->";
  static final String OUTLET = "<!-- pergola:outlet -->";
  /** Put by {@link #read} before the template's last {@code </body>}: where the runtime goes. */
  private static final String SCRIPT = "<!-- pergola:script -->";

  private static final Map<Path, String> TEMPLATES = new ConcurrentHashMap<>();

  private PageTemplate() {}

  /**
   * Fills {@code template} with the page's head parts, slots and outlet, and puts {@code script}
   * last in the body (before the template's last {@code </body>}, or at its end without one).
   */
  static String fill(Path template, String head, Map<String, String> slots, String outlet, String script) {
    String html = TEMPLATES.computeIfAbsent(template, PageTemplate::read);
    StringBuilder unplaced = new StringBuilder();
    for (Map.Entry<String, String> slot : slots.entrySet()) {
      String marker = "<!-- pergola:slot " + slot.getKey() + " -->";
      if (html.contains(marker)) {
        html = html.replace(marker, slot.getValue());
      } else {
        unplaced.append(slot.getValue());
      }
    }
    return html.replace(HEAD, head).replace(OUTLET, unplaced + outlet).replace(SCRIPT, script);
  }

  /**
   * Where the last {@code </body>} starts, in any letter case, or -1. Compared in place: a
   * lower-cased copy can differ in length and so in offsets.
   */
  private static int lastBodyEnd(String html) {
    String end = "</body>";
    for (int i = html.length() - end.length(); i >= 0; i--) {
      if (html.regionMatches(true, i, end, 0, end.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String read(Path template) {
    try {
      String html = Files.readString(template, StandardCharsets.UTF_8);
      for (String marker : new String[] {HEAD, OUTLET}) {
        if (!html.contains(marker)) {
          throw new IllegalStateException(
              "The shell template " + template + " lacks the marker " + marker
                  + " (pergola.shell.layouts.<env>.template)");
        }
      }
      // Found once here, not in every page built from the template.
      int bodyEnd = lastBodyEnd(html);
      return bodyEnd < 0 ? html + SCRIPT : html.substring(0, bodyEnd) + SCRIPT + html.substring(bodyEnd);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the shell template " + template + " (pergola.shell.layouts.<env>.template)", e);
    }
  }
}
