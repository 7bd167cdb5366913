package io.pergola.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of Pergola's HTTP API: JSON in and out, problem documents turned into {@link
 * ApiProblemException}, an absent server into {@link ServerUnreachableException}.
 */
final class PergolaClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI server;
  private final String token;

  PergolaClient(URI server, String token) {
    this.server = server;
    this.token = token;
  }

  URI server() {
    return server;
  }

  /** A JSON answer with its status and headers. */
  record Answer(int status, JsonNode body, Map<String, List<String>> headers) {}

  JsonNode get(String path) {
    return answer(path).body();
  }

  /** A GET's whole answer, headers included (a page's {@code Link} to the next, say). */
  Answer answer(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Answer put(String path, HttpRequest.BodyPublisher body, String contentType) {
    return send(request(path).header("Content-Type", contentType).PUT(body));
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.resolve(path)).header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  Answer send(HttpRequest.Builder builder) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new ServerUnreachableException(server, e);
    } catch (IOException e) {
      throw new ServerUnreachableException(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() >= 400) {
      throw problem(response.statusCode(), body);
    }
    return new Answer(response.statusCode(), body, response.headers().map());
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.getNodeFactory().stringNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static ApiProblemException problem(int status, JsonNode body) {
    String title = body.path("title").asString("HTTP " + status);
    String detail = body.path("detail").asString(body.isString() ? body.asString() : "");
    List<String> details = new ArrayList<>();
    // A detail that already lists the violations (the manifest's do) is not followed by them again.
    body.path("violations").valueStream()
        .map(JsonNode::asString)
        .filter(violation -> !detail.contains(violation))
        .forEach(violation -> details.add("  " + violation));
    if (body.has("entry")) {
      details.add("  entry: " + body.get("entry").asString());
    }
    if (body.has("limit")) {
      details.add("  limit: " + body.get("limit").asString());
    }
    return new ApiProblemException(status, title, detail, details);
  }
}
