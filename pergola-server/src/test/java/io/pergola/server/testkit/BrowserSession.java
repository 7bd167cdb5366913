package io.pergola.server.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser does with the shell's login, over plain HTTP: a cookie jar, redirects followed,
 * the embedded provider's sign-in form filled in. For tests of the protocol; the browser tests
 * do the same in Chromium.
 */
public final class BrowserSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final HttpClient client;

  public BrowserSession(URI baseUrl) {
    this(baseUrl, HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build());
  }

  private BrowserSession(URI baseUrl, HttpClient client) {
    this.baseUrl = baseUrl;
    this.client = client;
  }

  /** The same browser (cookies) talking to another server, e.g. the next node behind a balancer. */
  public BrowserSession at(URI otherBaseUrl) {
    return new BrowserSession(otherBaseUrl, client);
  }

  /** Opens {@code path}, signs in on the provider's form, and answers the page landed on. */
  public HttpResponse<String> signIn(String path, String username, String password) {
    HttpResponse<String> form = get(path);
    Matcher csrf = CSRF.matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("Expected the sign-in form at " + form.uri() + ", got: " + form.body());
    }
    String body =
        "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
    return send(
        HttpRequest.newBuilder(baseUrl.resolve("/idp/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET().build());
  }

  /** Opens {@code path} as a browser's navigation does: asking for HTML, {@code Sec-Fetch-Mode: navigate}. */
  public HttpResponse<String> navigate(String path) {
    return send(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .header("Sec-Fetch-Mode", "navigate")
            .GET()
            .build());
  }

  /** A request as the shell's runtime makes it to the token or logout endpoint. */
  public HttpResponse<String> runtimeCall(String method, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("X-Pergola-Token-Request", "1");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** The access token the token endpoint gives {@code app} (null: for Pergola's API). */
  public String token(String app) {
    HttpResponse<String> answer = runtimeCall("GET", app == null ? "/auth/token" : "/auth/token?app=" + app);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("The token endpoint answered " + answer.statusCode() + ": " + answer.body());
    }
    return json(answer).get("access_token").asString();
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** The claims of a JWT, unverified: for asserting what a token says. */
  public static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
