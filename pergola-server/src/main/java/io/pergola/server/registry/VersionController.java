package io.pergola.server.registry;

import io.pergola.core.NotFoundException;
import io.pergola.core.semver.SemVer;
import io.pergola.server.auth.Caller;
import io.pergola.server.config.PergolaProperties;
import io.pergola.server.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Publishing versions and reading them back. */
@RestController
class VersionController {

  private final PublishService publisher;
  private final Versions versions;
  private final VersionWithdrawals withdrawals;
  private final Apps apps;
  private final PergolaProperties properties;

  VersionController(
      PublishService publisher,
      Versions versions,
      VersionWithdrawals withdrawals,
      Apps apps,
      PergolaProperties properties) {
    this.publisher = publisher;
    this.versions = versions;
    this.withdrawals = withdrawals;
    this.apps = apps;
    this.properties = properties;
  }

  record Withdraw(String reason) {}

  @Operation(
      summary = "Publish a version",
      description =
          "The body is a zip or tar.gz of the built child with pergola.json at its root. Versions"
              + " are immutable: the same content again answers 200, different content 409.")
  @ApiResponse(responseCode = "201", description = "Published")
  @ApiResponse(responseCode = "200", description = "Already published with identical content")
  @ApiResponse(responseCode = "409", description = "Already published with different content")
  @ApiResponse(responseCode = "413", description = "Over a size limit")
  @ApiResponse(responseCode = "422", description = "Not a valid bundle; the problem says why")
  @PutMapping("/api/apps/{app}/versions/{version}")
  ResponseEntity<VersionView> publish(
      Caller caller,
      @PathVariable String app,
      @PathVariable String version,
      HttpServletRequest request)
      throws IOException {
    PublishService.Outcome outcome = publisher.publish(caller, app, version, request.getInputStream());
    VersionView view =
        VersionView.of(outcome.version(), urls(), versions.withdrawal(app, version).orElse(null));
    if (!outcome.created()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
        .body(view);
  }

  @Operation(
      summary = "The versions of an app, newest (highest) first",
      description =
          "At most ?limit= versions (" + Paging.DEFAULT_LIMIT + " unless given, up to " + Paging.MAX_LIMIT
              + "); ?before=V starts below version V. A Link header with rel=\"next\" names the page of older"
              + " versions while there are any.")
  @GetMapping("/api/apps/{app}/versions")
  ResponseEntity<List<Versions.VersionSummary>> list(
      @PathVariable String app,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) Integer limit,
      HttpServletRequest request) {
    Paging paging = Paging.of(limit);
    SemVer below = before == null ? null : SemVer.parse(before);
    apps.require(app);
    List<Versions.VersionSummary> older =
        versions.of(app).stream()
            .filter(version -> below == null || SemVer.parse(version.version()).compareTo(below) < 0)
            .limit(paging.fetch())
            .toList();
    return paging.answer(older, request.getRequestURI(), Versions.VersionSummary::version);
  }

  @Operation(summary = "One version with its files, sizes and integrity hashes")
  @GetMapping("/api/apps/{app}/versions/{version}")
  VersionView get(@PathVariable String app, @PathVariable String version) {
    apps.require(app);
    return versions
        .find(app, version)
        .map(found -> VersionView.of(found, urls(), versions.withdrawal(app, version).orElse(null)))
        .orElseThrow(
            () -> new NotFoundException("The app \"" + app + "\" has no version \"" + version + "\""));
  }

  @Operation(
      summary = "Withdraw a version (its team or an admin), with a reason",
      description =
          "The version stays published and served; no deploy gives it to anybody anew unless an admin forces it."
              + " Withdrawing a withdrawn version again changes nothing.")
  @PutMapping("/api/apps/{app}/versions/{version}/withdrawal")
  Versions.Withdrawal withdraw(
      Caller caller,
      @PathVariable String app,
      @PathVariable String version,
      @RequestBody(required = false) Withdraw request) {
    return withdrawals.withdraw(caller, app, version, request == null ? null : request.reason());
  }

  @Operation(summary = "Take a withdrawal back: the version may be deployed again")
  @DeleteMapping("/api/apps/{app}/versions/{version}/withdrawal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void takeBack(Caller caller, @PathVariable String app, @PathVariable String version) {
    withdrawals.takeBack(caller, app, version);
  }

  private AssetUrls urls() {
    return new AssetUrls(
        properties.publicUrl() != null
            ? properties.publicUrl().toString()
            : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
  }
}
