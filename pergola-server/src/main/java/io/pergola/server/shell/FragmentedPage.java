package io.pergola.server.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a shell page with children's server-rendered fragments put in, as they arrive, in page
 * order: everything before a fragment's place goes out (and is flushed) before the page waits for
 * that fragment, so the browser has the head, and starts on the children's code, while the
 * services are still rendering; each later part waits only for what it shows.
 *
 * <p>Each fragment goes in as the first content of its element, wrapped in the container the
 * runtime would have made for the child ({@code data-pergola-app}), marked {@code
 * data-pergola-fragment}: the runtime mounts the child into that container, over the server's
 * HTML, which the browser shows until then.
 */
final class FragmentedPage {

  /** Where a fragment goes: right after the start tag of the element with id {@code elementId}. */
  record Placement(int at, String app, CompletableFuture<Optional<String>> html) {}

  private FragmentedPage() {}

  /**
   * Where content of the element {@code id="elementId"} starts in {@code page}: right after its
   * start tag, which Pergola writes as {@code id="…">}; -1 when the page has no such element.
   */
  static int contentStart(byte[] page, String elementId) {
    byte[] tagEnd = ("id=\"" + ShellPage.escapeHtml(elementId) + "\">").getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i <= page.length - tagEnd.length; i++) {
      for (int j = 0; j < tagEnd.length; j++) {
        if (page[i + j] != tagEnd[j]) {
          continue outer;
        }
      }
      return i + tagEnd.length;
    }
    return -1;
  }

  /** Writes {@code page} to {@code out} with each placement's fragment, if it has one, put in. */
  static void write(byte[] page, List<Placement> placements, OutputStream out) throws IOException {
    int from = 0;
    for (Placement placement : placements.stream().sorted(Comparator.comparingInt(Placement::at)).toList()) {
      out.write(page, from, placement.at() - from);
      from = placement.at();
      if (!placement.html().isDone()) {
        out.flush();
      }
      Optional<String> html = placement.html().join();
      if (html.isPresent()) {
        String app = ShellPage.escapeHtml(placement.app());
        out.write(("<div data-pergola-app=\"" + app + "\" data-pergola-fragment=\"" + app + "\">" + html.get() + "</div>")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    out.write(page, from, page.length - from);
  }
}
