package io.pergola.server.web;

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

  private FormPages() {}

  /**
   * A page: {@code title} (plain text; " · Pergola" is added), {@code style} (CSS), {@code body}
   * (HTML, escaped by the caller).
   */
  public static ResponseEntity<String> page(HttpStatusCode status, String title, String style, String body) {
    String html =
        """
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
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .body(html);
  }
}
