package io.pergola.server.auth;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API takes the caller for, so a client can offer only what the caller may do. */
@RestController
class CallerController {

  /**
   * @param id the identity audit entries record
   * @param admin whether the caller may act for every team
   * @param teams the teams the caller acts for besides, by name
   */
  record Me(String id, boolean admin, List<String> teams) {}

  @GetMapping("/api/me")
  Me me(Caller caller) {
    List<String> teams = switch (caller) {
      case Caller.Admin admin -> List.of();
      case Caller.Team team -> List.of(team.name());
      case Caller.Person person -> person.teams().stream().sorted().toList();
    };
    return new Me(caller.id(), caller.isAdmin(), teams);
  }
}
