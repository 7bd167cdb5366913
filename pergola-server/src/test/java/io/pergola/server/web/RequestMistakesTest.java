package io.pergola.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A request the API cannot take as sent (the wrong method, body type or accepted type, a value of
 * the wrong kind) is answered with a Pergola problem that says what the endpoint takes, not
 * Spring's bare "Method 'POST' is not supported." or "Failed to convert 'number'".
 */
class RequestMistakesTest {

  private final PergolaTestServer server = PergolaTestServer.shared();

  @Test
  void aMethodThePathDoesNotTakeIsAnsweredWithTheOnesItDoes() {
    var answer = server.admin().send("DELETE", "/api/apps");

    JsonNode problem = answer.expectProblem(405);
    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:method-not-allowed");
    assertThat(problem.get("detail").asString()).isEqualTo("This path takes GET, POST, not DELETE (the Allow header lists them)");
    assertThat(answer.header("Allow")).contains("GET").contains("POST");
  }

  @Test
  void aBodyOfAnotherMediaTypeIsAnsweredWithTheOneTheEndpointReads() {
    var answer = server.admin().header("Content-Type", "text/plain").send("POST", "/api/environments");

    JsonNode problem = answer.expectProblem(415);
    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:unsupported-media-type");
    assertThat(problem.get("detail").asString()).startsWith("This endpoint reads application/json")
        .contains("; the request has Content-Type text/plain");
  }

  @Test
  void anAcceptHeaderTheEndpointCannotMeetIsAnsweredWithWhatItAnswersIn() {
    JsonNode problem = server.admin().header("Accept", "text/csv").get("/api/apps").expectProblem(406);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:not-acceptable");
    assertThat(problem.get("detail").asString()).startsWith("This endpoint answers in application/json");
  }

  @Test
  void aValueOfTheWrongKindSaysWhichAndWhatItMustBe() {
    JsonNode query = server.anonymous().get("/api/environments/production/importmap.json?revision=latest").expectProblem(400);
    JsonNode path = server.admin().get("/api/environments/production/revisions/first").expectProblem(400);

    assertThat(query.get("type").asString()).isEqualTo("urn:pergola:problem:invalid-argument");
    assertThat(query.get("detail").asString()).isEqualTo("The query parameter revision must be a whole number, not \"latest\"");
    assertThat(path.get("detail").asString()).isEqualTo("The path's {number} must be a whole number, not \"first\"");
  }
}
