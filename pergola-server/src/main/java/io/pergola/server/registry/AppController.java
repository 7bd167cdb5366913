package io.pergola.server.registry;

import io.pergola.core.manifest.AppName;
import io.pergola.server.auth.Caller;
import io.pergola.server.auth.Teams;
import java.util.List;
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

  AppController(Apps apps, Teams teams) {
    this.apps = apps;
    this.teams = teams;
  }

  record NewApp(String name, String team) {}

  @PostMapping("/api/apps")
  @ResponseStatus(HttpStatus.CREATED)
  Apps.App register(Caller caller, @RequestBody NewApp request) {
    caller.requireAdmin("register apps");
    teams.requireExists(request.team());
    return apps.register(AppName.of(request.name()), request.team());
  }

  @GetMapping("/api/apps")
  List<Apps.App> list() {
    return apps.list();
  }

  @GetMapping("/api/apps/{app}")
  Apps.App get(@PathVariable String app) {
    return apps.require(app);
  }
}
