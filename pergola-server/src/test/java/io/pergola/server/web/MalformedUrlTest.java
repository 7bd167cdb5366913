package io.pergola.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs Tomcat refuses before any of Pergola's code runs still get a problem document. */
class MalformedUrlTest {

  private static final PergolaTestServer server = PergolaTestServer.shared();

  @ParameterizedTest
  @ValueSource(strings = {"/api/apps/team%2Fapp", "/api/teams/a%5Cb", "/shipping/%00", "/billing/..%2F..%2Fapi"})
  void aPathTomcatRefusesIsAProblemSayingWhatToChange(String path) {
    var problem = server.admin().get(path).expectProblem(400);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:malformed-url");
    assertThat(problem.get("detail").asString()).contains("%2F").contains("plain slashes");
  }
}
