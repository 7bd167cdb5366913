package io.pergola.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: one method per verb, answers with status, headers and JSON. */
public final class TestHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final String token;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public TestHttp(URI baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The bearer token this client sends, or null. */
  public String token() {
    return token;
  }

  /** A copy of this client that also sends {@code name: value}. */
  public TestHttp header(String name, String value) {
    TestHttp copy = new TestHttp(baseUrl, token);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response head(String path) {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  public Response postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A form post, {@code body} already encoded ({@code a=1&b=2}). */
  public Response postForm(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response put(String path, byte[] body, String contentType) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** Any other method, without a body. */
  public Response send(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      return new Response(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer: status, headers, body as bytes, text or JSON. */
  public record Response(HttpResponse<byte[]> raw) {

    public int status() {
      return raw.statusCode();
    }

    public byte[] bytes() {
      return raw.body();
    }

    public String text() {
      return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** Asserts the status, showing the body when it differs. */
    public Response expectStatus(int expected) {
      assertThat(status()).as("status of %s, body: %s", raw.uri(), text()).isEqualTo(expected);
      return this;
    }

    /**
     * Asserts an RFC 9457 problem document with this status, and returns its JSON for further
     * checks of {@code detail} and extension members.
     */
    public JsonNode expectProblem(int expectedStatus) {
      expectStatus(expectedStatus);
      assertThat(header("Content-Type")).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
      assertThat(problem.get("detail").asString()).as("problem detail").isNotBlank();
      return problem;
    }
  }
}
