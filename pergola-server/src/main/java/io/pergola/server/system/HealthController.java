package io.pergola.server.system;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: readiness in one short URL for scripts and load balancers: 200 {@code
 * {"status":"UP"}} when the server can take traffic, 503 otherwise. Details stay behind the
 * actuator ({@code /actuator/health/readiness}, {@code /actuator/health/liveness}).
 */
@RestController
class HealthController {

  private final HealthEndpoint health;

  HealthController(HealthEndpoint health) {
    this.health = health;
  }

  @GetMapping("/health")
  ResponseEntity<Map<String, String>> readiness() {
    Status status = health.healthForPath("readiness").getStatus();
    return ResponseEntity.status(
            Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("status", status.getCode()));
  }
}
