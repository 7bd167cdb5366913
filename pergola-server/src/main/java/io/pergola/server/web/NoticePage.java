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
      """
      body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; display: grid; place-items: center; min-height: 100vh; margin: 0; }
      main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; max-width: 28rem; }
      h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
      a.way { display: inline-block; margin-top: .5rem; padding: .5rem 1rem; border-radius: 4px; background: #2f5d50; color: #fff; text-decoration: none; }
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
        <main>
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
