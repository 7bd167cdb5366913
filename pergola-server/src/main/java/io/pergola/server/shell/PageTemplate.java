package io.pergola.server.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    html = html.replace(HEAD, head).replace(OUTLET, unplaced + outlet);
    int bodyEnd = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    return bodyEnd < 0 ? html + script : html.substring(0, bodyEnd) + script + html.substring(bodyEnd);
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
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the shell template " + template + " (pergola.shell.layouts.<env>.template)", e);
    }
  }
}
