package io.pergola.server.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.server.registry.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/telemetry/client-errors}: what the browser runtime reports when a child fails
 * to load, mount or unmount. Counted per app, version and phase ({@code pergola.client.errors});
 * reports naming a version that is not published count under {@code unknown}, so strangers
 * cannot grow the metrics without bound.
 */
@RestController
class ClientErrorController {

  private static final Logger log = LoggerFactory.getLogger(ClientErrorController.class);
  private static final int MAX_TEXT = 2000;

  private final MeterRegistry meters;
  private final Versions versions;

  ClientErrorController(MeterRegistry meters, Versions versions) {
    this.meters = meters;
    this.versions = versions;
  }

  record ClientError(String app, String version, String phase, String message, String stack, String url, Long revision) {}

  @PostMapping("/api/telemetry/client-errors")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void report(@RequestBody ClientError error) {
    if (error == null || error.app() == null || error.version() == null) {
      throw new IllegalArgumentException("A client error report needs \"app\" and \"version\"");
    }
    boolean known = error.app().length() <= 64 && error.version().length() <= 256 && versions.exists(error.app(), error.version());
    String phase = error.phase() == null ? "unknown" : error.phase().replaceAll("[^a-z-]", "");
    Counter.builder("pergola.client.errors")
        .description("Errors the browser runtime reported, per app, version and phase")
        .tag("app", known ? error.app() : "unknown")
        .tag("version", known ? error.version() : "unknown")
        .tag("phase", phase.isEmpty() || phase.length() > 20 ? "unknown" : phase)
        .register(meters)
        .increment();
    log.warn(
        "client error: app={} version={} phase={} revision={} url={} message={}",
        truncate(error.app()),
        truncate(error.version()),
        phase,
        error.revision(),
        truncate(error.url()),
        truncate(error.message()));
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    String single = text.replaceAll("[\\r\\n]+", " ");
    return single.length() > MAX_TEXT ? single.substring(0, MAX_TEXT) + "…" : single;
  }
}
