package io.pergola.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Requests a site's pages and the files they name, over and over for a while, as a browser
 * signed in with the given storage state would: a server in service has served them many times,
 * so its JIT has compiled the paths they take. A benchmark that loads pages from a freshly
 * started JVM would otherwise measure its interpreter for the first hundreds of requests.
 */
final class ServerWarmUp {

  private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"");
  private static final int CLIENTS = 4;

  private ServerWarmUp() {}

  /** Answers how many requests were made. */
  static long run(URI origin, List<String> routes, String storageState, Duration duration)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String cookie = cookieHeader(storageState);
    Set<URI> urls = new LinkedHashSet<>();
    for (String route : routes) {
      URI page = origin.resolve(route);
      urls.add(page);
      Matcher linked = LINKED.matcher(get(client, page, cookie, "identity").body());
      while (linked.find()) {
        urls.add(origin.resolve(linked.group(1)));
      }
    }
    AtomicLong requests = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(threads.submit(() -> {
          while (System.nanoTime() < end) {
            for (URI url : urls) {
              get(client, url, cookie, "br, gzip");
              requests.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> running : clients) {
        running.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Warming up " + origin + " failed", e.getCause());
    }
    return requests.get();
  }

  private static HttpResponse<String> get(HttpClient client, URI url, String cookie, String encodings)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept-Encoding", encodings);
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + " while warming up");
    }
    return response;
  }

  /** The cookies of a Playwright storage state as one {@code Cookie} header. */
  private static String cookieHeader(String storageState) {
    return JsonParser.parseString(storageState).getAsJsonObject().getAsJsonArray("cookies").asList().stream()
        .map(JsonElement::getAsJsonObject)
        .map(cookie -> cookie.get("name").getAsString() + "=" + cookie.get("value").getAsString())
        .collect(Collectors.joining("; "));
  }
}
