package io.pergola.server.dashboard;

import io.pergola.server.shell.ShellLogin;
import io.pergola.server.web.ContentETags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web dashboard at {@code /pergola/dashboard}: apps, versions, environments, their audit
 * trail, and deploys (promote, one-click rollback, canaries) for people rather than pipelines.
 * A page and its script, which calls the HTTP API like any client: with the signed-in person's
 * token for Pergola's API from the shell's login (so what a person may do is what the API lets
 * their teams do), or, on a shell without a login, with an API token pasted into the page and
 * kept in its memory only. Behind the shell's sign-in like the shell's other pages.
 */
@RestController
class DashboardPage {

  static final String PATH = "/pergola/dashboard";

  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final String html;
  private final File script = File.of("dashboard.js", "text/javascript");
  private final File style = File.of("dashboard.css", "text/css");

  DashboardPage(ObjectProvider<ShellLogin> login) {
    // The script learns here whether to ask the shell's login for tokens or the person for one.
    this.html =
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Dashboard · Pergola</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="%1$s/dashboard.css?v=%2$s">
        <script type="module" src="%1$s/dashboard.js?v=%3$s"></script>
        </head>
        <body data-login="%4$s" data-token-url="%5$s" data-token-header="%6$s">
        <noscript>The dashboard needs JavaScript.</noscript>
        </body>
        </html>
        """
            .formatted(PATH, style.version(), script.version(), login.getIfAvailable() != null,
                ShellLogin.TOKEN_URL, ShellLogin.TOKEN_REQUEST_HEADER);
  }

  @GetMapping(PATH)
  ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .body(html);
  }

  @GetMapping(PATH + "/dashboard.js")
  ResponseEntity<byte[]> script() {
    return script.response();
  }

  @GetMapping(PATH + "/dashboard.css")
  ResponseEntity<byte[]> style() {
    return style.response();
  }

  /**
   * One of the dashboard's files, read once from the classpath; revalidated by its ETag, and named
   * in the page with a version, so a new build's file is never taken for the old one's.
   */
  private record File(byte[] bytes, MediaType type, String etag, String version) {

    static File of(String name, String type) {
      try (InputStream in = new ClassPathResource("pergola/dashboard/" + name).getInputStream()) {
        byte[] bytes = in.readAllBytes();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(bytes);
        return new File(
            bytes,
            new MediaType(MediaType.valueOf(type), StandardCharsets.UTF_8),
            ContentETags.of(sha256),
            HexFormat.of().formatHex(sha256, 0, 8));
      } catch (IOException e) {
        throw new UncheckedIOException("The dashboard's " + name + " is missing from the classpath", e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    ResponseEntity<byte[]> response() {
      return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(etag).contentType(type).body(bytes);
    }
  }
}
