package io.pergola.server.registry;

import io.pergola.core.manifest.AppName;
import io.pergola.server.auth.AccessLog;
import io.pergola.server.auth.Caller;
import io.pergola.server.auth.Teams;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registering and listing apps. Publishing versions is {@link VersionController}'s job. */
@RestController
class AppController {

  private final Apps apps;
  private final Teams teams;
  private final Versions versions;

  AppController(Apps apps, Teams teams, Versions versions) {
    this.apps = apps;
    this.teams = teams;
    this.versions = versions;
  }

  record NewApp(String name, String team) {}

  /** How many of an app's newest versions a listing names: what a person picks a deploy from. */
  static final int RECENT_VERSIONS = 50;

  /**
   * An app with what a listing wants to know of its versions: the newest, how many, and the
   * newest {@value #RECENT_VERSIONS}, newest first (the dashboard's choice, in one request for
   * every app instead of one request per app). The newest and the recent ones are those that may
   * be deployed: withdrawn versions count, but are named only in {@code withdrawnVersions}, each
   * with the reason (so a listing can say that what an environment runs was withdrawn).
   */
  record AppSummary(
      String name,
      String team,
      OffsetDateTime createdAt,
      String latestVersion,
      int versionCount,
      List<String> recentVersions,
      Map<String, String> withdrawnVersions) {}

  @PostMapping("/api/apps")
  @ResponseStatus(HttpStatus.CREATED)
  Apps.App register(Caller caller, @RequestBody NewApp request) {
    caller.requireAdmin("register apps");
    teams.requireExists(request.team());
    Apps.App registered = apps.register(AppName.of(request.name()), request.team());
    AccessLog.appRegistered(caller, registered.name(), registered.team());
    return registered;
  }

  @GetMapping("/api/apps")
  List<AppSummary> list() {
    Map<String, List<Versions.VersionSummary>> byApp =
        versions.all().stream().collect(Collectors.groupingBy(Versions.VersionSummary::app));
    return apps.list().stream()
        .map(
            app -> {
              List<Versions.VersionSummary> of = byApp.getOrDefault(app.name(), List.of());
              List<String> deployable =
                  of.stream().filter(version -> version.withdrawn() == null).map(Versions.VersionSummary::version).toList();
              return new AppSummary(
                  app.name(),
                  app.team(),
                  app.createdAt(),
                  deployable.isEmpty() ? null : deployable.getFirst(),
                  of.size(),
                  deployable.stream().limit(RECENT_VERSIONS).toList(),
                  of.stream()
                      .filter(version -> version.withdrawn() != null)
                      .collect(
                          Collectors.toMap(
                              Versions.VersionSummary::version,
                              version -> version.withdrawn().reason(),
                              (first, second) -> first,
                              LinkedHashMap::new)));
            })
        .toList();
  }

  @GetMapping("/api/apps/{app}")
  Apps.App get(@PathVariable String app) {
    return apps.require(app);
  }
}
