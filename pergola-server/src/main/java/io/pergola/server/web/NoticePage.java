package io.pergola.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a person's browser gets where an API client gets a problem document: what happened, in
 * words, one way on (a link), and the error's code to quote to whoever runs the site.
 */
public final class NoticePage {

  private static final String STYLE =
      FormPages.CENTRED
          + """
          main { max-width: 28rem; }
          a.way { margin-top: .5rem; }
          .code { color: #666; font-size: .875rem; }
          """;

  /** Where the person can go from here. */
  public record Way(String label, String href) {}

  private NoticePage() {}

  /** Writes the page; {@code title}, {@code text} and {@code code} are plain text. */
  public static void send(HttpServletResponse response, HttpStatusCode status, String title, String text, Way way, String code)
      throws IOException {
    String body =
        """
        <main class="card">
          <h1>%s</h1>
          <p>%s</p>
          <a class="way" href="%s">%s</a>
          <p class="code">Error: %s</p>
        </main>
        """
            .formatted(
                HtmlUtils.htmlEscape(title),
                HtmlUtils.htmlEscape(text),
                HtmlUtils.htmlEscape(way.href()),
                HtmlUtils.htmlEscape(way.label()),
                HtmlUtils.htmlEscape(code));
    FormPages.send(response, status, title, STYLE, body);
  }
}
