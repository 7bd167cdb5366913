package io.pergola.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The server's own small HTML pages (the embedded provider's sign-in, the dev overrides, the
 * notices people get instead of an error document): one document shape and one look, never
 * cached, under a policy that lets them do nothing but show themselves and post their form to
 * this server.
 */
public final class FormPages {

  private static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  /**
   * What the pages share, so they look like one product: a white card on a grey page, the
   * heading, fields, the green of a button or of a link that acts as one ({@code a.way}), an
   * error's red. A page's own style adds its layout.
   */
  private static final String LOOK =
      """
      body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; margin: 0; }
      .card { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
      h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
      input { font: inherit; padding: .5rem; border: 1px solid #bbb; border-radius: 4px; }
      button, a.way { display: inline-block; font: inherit; padding: .5rem 1rem; border: 0; border-radius: 4px; background: #2f5d50; color: #fff; cursor: pointer; text-decoration: none; }
      .error { color: #a4262c; margin: 0; }
      """;

  /** A page's style for one card in the middle of the window (sign-in, notices). */
  public static final String CENTRED = "body { display: grid; place-items: center; min-height: 100vh; }\n";

  private FormPages() {}

  /**
   * A page: {@code title} (plain text; " · Pergola" is added), {@code style} (CSS, after the
   * shared look), {@code body} (HTML, escaped by the caller).
   */
  public static ResponseEntity<String> page(HttpStatusCode status, String title, String style, String body) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(HTML)
        .header("Content-Security-Policy", POLICY)
        .body(html(title, style, body));
  }

  /** The same page, written to a response outside Spring MVC (a security filter's handler). */
  public static void send(HttpServletResponse response, HttpStatusCode status, String title, String style, String body)
      throws IOException {
    response.setStatus(status.value());
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    response.setHeader("Content-Security-Policy", POLICY);
    response.setContentType(HTML.toString());
    response.getWriter().write(html(title, style, body));
  }

  private static String html(String title, String style, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Pergola</title>
        <style>
        %s%s</style>
        </head>
        <body>
        %s</body>
        </html>
        """
            .formatted(HtmlUtils.htmlEscape(title), LOOK, style, body);
  }
}
