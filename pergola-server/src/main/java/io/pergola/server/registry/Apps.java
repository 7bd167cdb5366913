package io.pergola.server.registry;

import io.pergola.core.ConflictException;
import io.pergola.core.NotFoundException;
import io.pergola.core.manifest.AppName;
import io.pergola.server.system.DatabaseTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered apps and the team that owns each. An app must be registered before publishing. */
@Repository
public class Apps {

  private final JdbcClient jdbc;

  Apps(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An app as the registry knows it. */
  public record App(String name, String team, OffsetDateTime createdAt) {}

  App register(AppName name, String team) {
    OffsetDateTime now = DatabaseTime.now();
    try {
      jdbc.sql("insert into apps (name, team, created_at) values (?, ?, ?)")
          .params(name.value(), team, now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("The app \"" + name.value() + "\" is already registered");
    }
    return new App(name.value(), team, now);
  }

  List<App> list() {
    return jdbc.sql("select name, team, created_at from apps order by name").query(App.class).list();
  }

  Optional<App> find(String name) {
    return jdbc.sql("select name, team, created_at from apps where name = ?")
        .param(name)
        .query(App.class)
        .optional();
  }

  /** The app, or a 404 that tells how to register it. */
  public App require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "The app \""
                        + name
                        + "\" is not registered; an admin registers it with: pergola apps register "
                        + name
                        + " --team <team> (POST /api/apps)"));
  }
}
