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
 * The server's own small HTML pages with a form (the embedded provider's sign-in, the dev
 * overrides): one document shape, never cached, under a policy that lets them do nothing but
 * show themselves and post their form to this server.
 */
public final class FormPages {

  private static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private FormPages() {}

  /**
   * A page: {@code title} (plain text; " · Pergola" is added), {@code style} (CSS), {@code body}
   * (HTML, escaped by the caller).
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
        %s</style>
        </head>
        <body>
        %s</body>
        </html>
        """
            .formatted(HtmlUtils.htmlEscape(title), style, body);
  }
}
