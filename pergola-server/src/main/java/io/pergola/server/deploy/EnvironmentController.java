package io.pergola.server.deploy;

import io.pergola.core.NotFoundException;
import io.pergola.core.deploy.DeployOperation;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import io.pergola.server.auth.Caller;
import io.pergola.server.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Environments: status, history, audit, import maps, and the deploy operations. */
@RestController
class EnvironmentController {

  private static final MediaType IMPORT_MAP = MediaType.parseMediaType("application/importmap+json");

  private final DeployService deploys;
  private final Environments environments;
  private final CurrentRevisions current;
  private final ImportMaps importMaps;

  EnvironmentController(
      DeployService deploys, Environments environments, CurrentRevisions current, ImportMaps importMaps) {
    this.deploys = deploys;
    this.environments = environments;
    this.current = current;
    this.importMaps = importMaps;
  }

  record NewEnvironment(String name) {}

  record Promote(String app, String version, String message, Boolean force) {}

  record Rollback(String app, Long toRevision, String message, Boolean force) {}

  record StartCanary(String app, String version, Integer percent, String message, Boolean force) {}

  record CanaryChange(String app, String message, Boolean force) {}

  @GetMapping("/api/environments")
  List<Environments.EnvironmentSummary> list() {
    return environments.list();
  }

  @Operation(summary = "Create an environment (admins)")
  @PostMapping("/api/environments")
  ResponseEntity<RevisionView> create(Caller caller, @RequestBody NewEnvironment request) {
    return withRevision(HttpStatus.CREATED, deploys.create(caller, request.name()));
  }

  @Operation(summary = "What is live in an environment, with canaries; the ETag is the revision")
  @GetMapping("/api/environments/{env}")
  ResponseEntity<RevisionView> status(@PathVariable String env) {
    return withRevision(HttpStatus.OK, currentOf(env));
  }

  @Operation(summary = "Deploy a version of an app to everyone")
  @PostMapping("/api/environments/{env}/promote")
  ResponseEntity<RevisionView> promote(
      Caller caller,
      @PathVariable String env,
      @RequestBody Promote request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    var operation = new DeployOperation.Promote(app(request.app()), version(request.version()));
    return deploy(caller, env, operation, request.message(), isTrue(request.force()), ifMatch);
  }

  @Operation(
      summary = "Roll back an app to its previous version, or the environment to a revision",
      description = "Give either app or toRevision.")
  @PostMapping("/api/environments/{env}/rollback")
  ResponseEntity<RevisionView> rollback(
      Caller caller,
      @PathVariable String env,
      @RequestBody Rollback request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    if ((request.app() == null) == (request.toRevision() == null)) {
      throw new IllegalArgumentException(
          "Give either \"app\" (roll back one app) or \"toRevision\" (restore the environment), not"
              + " both or neither");
    }
    DeployOperation operation =
        request.app() != null
            ? new DeployOperation.Rollback(app(request.app()))
            : new DeployOperation.RestoreRevision(request.toRevision());
    return deploy(caller, env, operation, request.message(), isTrue(request.force()), ifMatch);
  }

  @Operation(summary = "Show a version of an app to a share of users, sticky per user")
  @PostMapping("/api/environments/{env}/canary")
  ResponseEntity<RevisionView> canary(
      Caller caller,
      @PathVariable String env,
      @RequestBody StartCanary request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    if (request.percent() == null) {
      throw new IllegalArgumentException("\"percent\" (1 to 99) is required for a canary");
    }
    var operation =
        new DeployOperation.StartCanary(app(request.app()), version(request.version()), request.percent());
    return deploy(caller, env, operation, request.message(), isTrue(request.force()), ifMatch);
  }

  @Operation(summary = "Make an app's canary the version everyone gets")
  @PostMapping("/api/environments/{env}/canary/promote")
  ResponseEntity<RevisionView> promoteCanary(
      Caller caller,
      @PathVariable String env,
      @RequestBody CanaryChange request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return deploy(
        caller, env, new DeployOperation.PromoteCanary(app(request.app())), request.message(), isTrue(request.force()), ifMatch);
  }

  @Operation(summary = "End an app's canary")
  @PostMapping("/api/environments/{env}/canary/abort")
  ResponseEntity<RevisionView> abortCanary(
      Caller caller,
      @PathVariable String env,
      @RequestBody CanaryChange request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return deploy(
        caller, env, new DeployOperation.AbortCanary(app(request.app())), request.message(), isTrue(request.force()), ifMatch);
  }

  @Operation(summary = "The environment's revisions, newest first, each with its audit entry")

  @GetMapping("/api/environments/{env}/revisions/{number}")
  RevisionView revision(@PathVariable String env, @PathVariable long number) {
    return RevisionView.of(snapshot(env, number));
  }

  @Operation(
      summary = "The audit trail, one entry per revision, newest first",
      description =
          "At most ?limit= entries (" + Paging.DEFAULT_LIMIT + " unless given, up to " + Paging.MAX_LIMIT
              + "); ?before=N starts below revision N. A Link header with rel=\"next\" names the page of older"
              + " entries while there are any.")
  @GetMapping({"/api/environments/{env}/audit", "/api/environments/{env}/revisions"})
  ResponseEntity<List<AuditEntry>> audit(
      @PathVariable String env,
      @RequestParam(required = false) Long before,
      @RequestParam(required = false) Integer limit,
      HttpServletRequest request) {
    Paging paging = Paging.of(limit);
    if (before != null && before < 1) {
      throw new IllegalArgumentException("before must be a revision above 0, not " + before);
    }
    List<AuditEntry> entries = environments.audit(env, before == null ? Long.MAX_VALUE : before, paging.fetch());
    return paging.answer(entries, request.getRequestURI(), entry -> Long.toString(entry.revision()));
  }

  @Operation(
      summary = "The import map of the current revision (or ?revision=N)",
      description =
          "Standard import map JSON with integrity. With ?subject=..., canaries are resolved for"
              + " that user. Public: it is what browsers load.")
  @GetMapping("/api/environments/{env}/importmap.json")
  ResponseEntity<String> importMap(
      @PathVariable String env,
      @RequestParam(required = false) Long revision,
      @RequestParam(required = false) String subject) {
    RevisionSnapshot snapshot = revision == null ? currentOf(env) : snapshot(env, revision);
    return ResponseEntity.ok()
        .contentType(IMPORT_MAP)
        .header("Pergola-Revision", Long.toString(snapshot.number()))
        .cacheControl(revision == null ? CacheControl.noCache() : CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic())
        .body(importMaps.of(snapshot, subject).toJson());
  }

  private ResponseEntity<RevisionView> deploy(
      Caller caller, String env, DeployOperation operation, String message, boolean force, String ifMatch) {
    var request =
        new DeployService.Request(Optional.ofNullable(message).filter(m -> !m.isBlank()), force, expected(ifMatch));
    return withRevision(HttpStatus.OK, deploys.deploy(caller, env, operation, request));
  }

  private RevisionSnapshot currentOf(String env) {
    return current.of(env).orElseThrow(() -> Environments.notFound(env));
  }

  private RevisionSnapshot snapshot(String env, long number) {
    environments.requireExists(env);
    return environments
        .snapshot(env, number)
        .orElseThrow(() -> new NotFoundException(env + " has no revision " + number));
  }

  private static ResponseEntity<RevisionView> withRevision(HttpStatus status, RevisionSnapshot snapshot) {
    return ResponseEntity.status(status).eTag("\"" + snapshot.number() + "\"").body(RevisionView.of(snapshot));
  }

  /** {@code If-Match: "12"} (or {@code 12}, or {@code W/"12"}) → 12. */
  private static OptionalLong expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "If-Match must be a revision number such as \"12\", was " + ifMatch);
    }
  }

  private static boolean isTrue(Boolean flag) {
    return flag != null && flag;
  }

  private static AppName app(String app) {
    if (app == null) {
      throw new IllegalArgumentException("\"app\" is required");
    }
    return AppName.of(app);
  }

  private static SemVer version(String version) {
    if (version == null) {
      throw new IllegalArgumentException("\"version\" is required");
    }
    return SemVer.parse(version);
  }
}
