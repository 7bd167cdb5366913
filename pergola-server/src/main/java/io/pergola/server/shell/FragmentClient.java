package io.pergola.server.shell;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pergola.server.telemetry.Throttle;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches children's server-rendered fragments for the shell page. A fetch never fails: whatever
 * goes wrong (no answer in time, a refused connection, a status other than 200 or 204, a body
 * that is not HTML or is too large) gives no fragment, and the child renders in the browser as
 * it would without one. Each outcome is timed in {@code pergola.shell.fragments} (tags {@code
 * app}, {@code outcome}); failures are logged at most once a minute per app, since a service
 * that is down would otherwise log once per page view. A fragment its service lets be kept is
 * kept ({@link FragmentCache}), and served from there (outcome {@code cached}) while fresh.
 */
@Component
class FragmentClient implements AutoCloseable {

  /** A fragment is a part of one page; a service sending more is broken, not generous. */
  static final int MAX_BYTES = 512 * 1024;

  private static final Logger log = LoggerFactory.getLogger(FragmentClient.class);
  private static final Pattern CHARSET = Pattern.compile(";\\s*charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

  /** How a fetch ended, the {@code outcome} tag of its timer. */
  enum Outcome {
    OK, EMPTY, CACHED, TIMEOUT, ERROR, TOO_LARGE;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** @param headers the service's answer's, when it answered a fragment or none (200, 204) */
  private record Result(Outcome outcome, String html, String problem, HttpHeaders headers) {
    static Result of(Outcome outcome, String problem) {
      return new Result(outcome, null, problem, null);
    }
  }

  private final MeterRegistry meters;
  private final Throttle warnings = new Throttle(Duration.ofMinutes(1));
  private final FragmentCache cache = new FragmentCache();
  /** Made on the first fetch: a shell without fragments has no client, nor its selector thread. */
  private ExecutorService executor;
  private HttpClient client;

  FragmentClient(MeterRegistry meters) {
    this.meters = meters;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      executor = Executors.newVirtualThreadPerTaskExecutor();
      client =
          HttpClient.newBuilder()
              // Plain HTTP/1.1: services inside the platform's network, where h2c's upgrade dance
              // would cost a round trip for nothing.
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(ShellProperties.Fragment.MAX_TIMEOUT)
              .executor(executor)
              .build();
    }
    return client;
  }

  /**
   * The fragment of {@code request.app()} from {@code fragment}'s service, or empty; completes by
   * {@code deadline} at the latest.
   */
  CompletableFuture<Optional<String>> fetch(ShellProperties.Fragment fragment, FragmentRequest request, Instant deadline) {
    long started = System.nanoTime();
    FragmentCache.Key key = FragmentCache.Key.of(fragment, request);
    Optional<FragmentCache.Hit> kept = cache.get(key, request.revision());
    if (kept.isPresent()) {
      return CompletableFuture.completedFuture(
          counted(request.app(), started, new Result(Outcome.CACHED, kept.get().html().orElse(null), null, null)));
    }
    Duration left = Duration.between(Instant.now(), deadline);
    if (!left.isPositive()) {
      return CompletableFuture.completedFuture(counted(request.app(), started, Result.of(Outcome.TIMEOUT, "no time left")));
    }
    HttpRequest http;
    try {
      http = request(fragment, request, left);
    } catch (IllegalArgumentException unsendable) {
      // A header value HTTP cannot carry (a browser's odd Accept-Language): no fragment, no error page.
      return CompletableFuture.completedFuture(counted(request.app(), started, Result.of(Outcome.ERROR, unsendable.getMessage())));
    }
    CompletableFuture<HttpResponse<byte[]>> sent = client().sendAsync(http, BoundedBody.handler(MAX_BYTES));
    return sent.handle(FragmentClient::result)
        .completeOnTimeout(Result.of(Outcome.TIMEOUT, "no answer in " + fragment.timeout().toMillis() + " ms"),
            left.toNanos(), TimeUnit.NANOSECONDS)
        .thenApply(result -> {
          if (result.outcome() == Outcome.TIMEOUT) {
            sent.cancel(true); // closes the exchange: nobody will read what it sends now
          } else if (result.headers() != null) {
            cache.put(key, request.revision(), result.headers(), result.html());
          }
          return counted(request.app(), started, result);
        });
  }

  private static HttpRequest request(ShellProperties.Fragment fragment, FragmentRequest request, Duration timeout) {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(fragment.url())
            .timeout(timeout)
            .header("Accept", "text/html")
            .header(FragmentRequest.PATH, request.path())
            .header(FragmentRequest.APP, request.app())
            .header(FragmentRequest.VERSION, request.version())
            .header(FragmentRequest.ENVIRONMENT, request.environment())
            .header(FragmentRequest.REVISION, Long.toString(request.revision()));
    if (request.acceptLanguage() != null) {
      http.header("Accept-Language", request.acceptLanguage());
    }
    if (request.accessToken() != null) {
      http.header("Authorization", "Bearer " + request.accessToken());
    }
    return http.build();
  }

  private static Result result(HttpResponse<byte[]> response, Throwable error) {
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      return cause instanceof HttpTimeoutException
          ? Result.of(Outcome.TIMEOUT, cause.getMessage())
          : Result.of(Outcome.ERROR, cause.toString());
    }
    if (response.statusCode() == 204) {
      return new Result(Outcome.EMPTY, null, null, response.headers());
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
      return Result.of(Outcome.ERROR, "status " + response.statusCode() + " with Content-Type \"" + type
          + "\"; a fragment is a 200 with text/html, or a 204 for none");
    }
    if (response.body() == null) {
      return Result.of(Outcome.TOO_LARGE, "more than " + MAX_BYTES + " bytes");
    }
    return new Result(Outcome.OK, new String(response.body(), charset(type)), null, response.headers());
  }

  private static Charset charset(String contentType) {
    Matcher matcher = CHARSET.matcher(contentType);
    try {
      return matcher.find() ? Charset.forName(matcher.group(1)) : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** Times the fetch by its outcome, logs a failure (at most once a minute per app), gives the HTML. */
  private Optional<String> counted(String app, long started, Result result) {
    Timer.builder("pergola.shell.fragments")
        .description("Fetches of children's server-rendered fragments for shell pages")
        .tag("app", app)
        .tag("outcome", result.outcome().tag())
        .register(meters)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    if (result.problem() != null) {
      if (warnings.due(app)) {
        log.warn("No fragment of {} in a shell page ({}): {}; its page renders it in the browser",
            app, result.outcome().tag(), result.problem());
      }
    }
    return Optional.ofNullable(result.html());
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      executor.close();
    }
  }
}
