package io.pergola.server.auth;

import io.pergola.core.ConflictException;
import io.pergola.core.NotFoundException;
import io.pergola.core.Require;
import io.pergola.server.system.DatabaseTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The teams that own apps. Names follow the same rules as app names. */
@Repository
public class Teams {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final JdbcClient jdbc;

  Teams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A team as the API shows it. */
  public record Team(String name, OffsetDateTime createdAt) {}

  Team create(String name) {
    Require.argument(
        name != null && name.length() <= 64 && NAME.matcher(name).matches(),
        "The team name \"%s\" is not valid: use 1-64 lowercase letters, digits and single hyphens,"
            + " starting with a letter",
        name);
    OffsetDateTime now = DatabaseTime.now();
    try {
      jdbc.sql("insert into teams (name, created_at) values (?, ?)").params(name, now).update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("The team \"" + name + "\" already exists");
    }
    return new Team(name, now);
  }

  List<Team> list() {
    return jdbc.sql("select name, created_at from teams order by name").query(Team.class).list();
  }

  /** Refuses with 404 when the team does not exist. */
  public void requireExists(String name) {
    boolean exists =
        jdbc.sql("select count(*) from teams where name = ?").param(name).query(Long.class).single()
            > 0;
    if (!exists) {
      throw new NotFoundException("There is no team \"" + name
          + "\"; an admin creates it with: pergola teams create " + name + " (POST /api/teams)");
    }
  }
}
