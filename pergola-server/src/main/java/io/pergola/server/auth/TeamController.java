package io.pergola.server.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import io.pergola.core.NotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams and their API tokens; administrators only. */
@RestController
class TeamController {

  private final Teams teams;
  private final ApiTokens tokens;

  TeamController(Teams teams, ApiTokens tokens) {
    this.teams = teams;
    this.tokens = tokens;
  }

  record NewTeam(String name) {}

  /** Maximum life a token can be issued for: ten years is "forever" said on purpose. */
  static final int MAX_DAYS = 3650;

  /**
   * @param expiresInDays after how many days it is refused (1 to {@value #MAX_DAYS}); null: not
   *     until it is revoked
   */
  record NewToken(String label, Integer expiresInDays) {}

  @PostMapping("/api/teams")
  @ResponseStatus(HttpStatus.CREATED)
  Teams.Team create(Caller caller, @RequestBody NewTeam request) {
    caller.requireAdmin("manage teams and tokens");
    Teams.Team created = teams.create(request.name());
    AccessLog.teamCreated(caller, created.name());
    return created;
  }

  @GetMapping("/api/teams")
  List<Teams.Team> list(Caller caller) {
    caller.requireAdmin("manage teams and tokens");
    return teams.list();
  }

  /** Issues a team token; the response is the only time the secret is shown. */
  @PostMapping("/api/teams/{team}/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  ApiTokens.IssuedToken issueToken(
      Caller caller, @PathVariable String team, @RequestBody(required = false) NewToken request) {
    caller.requireAdmin("manage teams and tokens");
    teams.requireExists(team);
    String label = request == null || request.label() == null ? "api token" : request.label();
    Integer days = request == null ? null : request.expiresInDays();
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw new IllegalArgumentException("expiresInDays must be 1 to " + MAX_DAYS + ", not " + days);
    }
    ApiTokens.IssuedToken issued = tokens.issue(team, label, days == null ? null : Duration.ofDays(days));
    AccessLog.tokenIssued(caller, team, issued.id(), label);
    return issued;
  }

  /** The tokens in use, without their secrets: what an admin looks through to revoke one. */
  @GetMapping("/api/tokens")
  List<ApiTokens.TokenSummary> tokens(Caller caller, @RequestParam(required = false) String team) {
    caller.requireAdmin("manage teams and tokens");
    if (team != null) {
      teams.requireExists(team);
    }
    return tokens.active(team);
  }

  @DeleteMapping("/api/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(Caller caller, @PathVariable String id) {
    caller.requireAdmin("manage teams and tokens");
    if (!tokens.revoke(id)) {
      throw new NotFoundException("There is no active token with id \"" + id + "\"");
    }
    AccessLog.tokenRevoked(caller, id);
  }
}
