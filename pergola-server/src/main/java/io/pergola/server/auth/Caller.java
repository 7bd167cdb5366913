package io.pergola.server.auth;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling the API, as established by authentication: an administrator, a team or a
 * signed-in person (whose groups make them an admin or a member of teams). Audit
 * entries record {@link #id()}; authorization asks {@link #mayActFor(String)}.
 */
public sealed interface Caller {

  /** A stable, readable identity for audit trails, e.g. {@code team:billing} or {@code admin}. */
  String id();

  /** Whether this caller may manage things owned by {@code team}. */
  boolean mayActFor(String team);

  /** Whether this caller has the administrator role. */
  default boolean isAdmin() {
    return this instanceof Admin || this instanceof Person person && person.admin();
  }

  /** Refuses (403) unless this caller is an admin; {@code action} completes "Only an admin may". */
  default void requireAdmin(String action) {
    if (!isAdmin()) {
      throw new AccessDeniedException("Only an admin may " + action + "; " + id() + " is not one");
    }
  }

  /** Refuses (403) unless this caller may act for {@code team}, naming what was refused. */
  default void requireMayActFor(String team, String action) {
    if (!mayActFor(team)) {
      throw new AccessDeniedException(
          id() + " may not " + action + ": it belongs to team \"" + team + "\"");
    }
  }

  /** An administrator: manages teams, apps and environments, may act for every team. */
  record Admin(String label) implements Caller {
    @Override
    public String id() {
      return "admin:" + label;
    }

    @Override
    public boolean mayActFor(String team) {
      return true;
    }
  }

  /** A team, through one of its API tokens: may act only on its own apps. */
  record Team(String name) implements Caller {
    @Override
    public String id() {
      return "team:" + name;
    }

    @Override
    public boolean mayActFor(String team) {
      return name.equals(team);
    }
  }

  /**
   * A person signed in at the OpenID provider, through an access token for Pergola's API.
   *
   * @param subject the token's {@code sub}
   * @param admin whether the person is in the admin group
   * @param teams the teams the person's groups make them a member of
   */
  record Person(String subject, boolean admin, Set<String> teams) implements Caller {
    public Person {
      teams = Set.copyOf(teams);
    }

    @Override
    public String id() {
      return "user:" + subject;
    }

    @Override
    public boolean mayActFor(String team) {
      return admin || teams.contains(team);
    }
  }
}
