package io.pergola.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;

/**
 * What no handler of Pergola's foresaw still reaches a program as a problem document, and a
 * person's browser opening a page as a page with the same words: an
 * exception out of a controller, one thrown by a filter after the controller has run (as Spring
 * Session's commit can), and an error status a filter sends. A server error says what to do
 * without showing the exception, which stays in the server's log.
 */
class UncaughtErrorsTest {

  private static final String SECRET = "connection to db-7.internal:5432 refused for user pergola";
  private static PergolaTestServer server;

  /** Failures planted for the test beside Pergola's own handlers. */
  @Configuration(proxyBeanMethods = false)
  static class Failures {

    @RestController
    static class FailingController {

      @GetMapping("/api/test-failures/throw")
      String fail() {
        throw new IllegalStateException(SECRET);
      }

      /** Nothing written yet when the filter throws: as a session commit that fails does. */
      @GetMapping("/api/test-failures/after")
      ResponseEntity<Void> fine() {
        return ResponseEntity.noContent().build();
      }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> failingAfterTheController() {
      FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
          switch (request.getRequestURI()) {
            case "/not-a-route/sent" -> response.sendError(503, "The shell is resting; try again in a minute");
            case "/not-a-route/thrown" -> throw new IllegalStateException(SECRET);
            default -> {
              chain.doFilter(request, response);
              throw new IllegalStateException(SECRET);
            }
          }
        }
      });
      registration.addUrlPatterns("/api/test-failures/after", "/not-a-route/*");
      registration.setOrder(Ordered.LOWEST_PRECEDENCE - 200); // ahead of the shell's filter
      return registration;
    }
  }

  @BeforeAll
  static void start() {
    server = PergolaTestServer.start(new Class<?>[] {Failures.class}, PergolaTestServer.tempDir());
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server);
  }

  private static void assertInternalError(TestHttp.Response response) {
    JsonNode problem = response.expectProblem(500);
    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:internal-error");
    assertThat(problem.get("title").asString()).isEqualTo("Internal error");
    assertThat(problem.get("detail").asString()).contains("try again").contains("server's log");
    assertThat(response.text()).doesNotContain("db-7").doesNotContain("IllegalStateException");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void anExceptionOutOfAControllerIsAnInternalErrorProblem() {
    assertInternalError(server.admin().get("/api/test-failures/throw"));
  }

  @Test
  void anExceptionAfterTheControllerIsAnInternalErrorProblem() {
    assertInternalError(server.admin().get("/api/test-failures/after"));
  }

  @Test
  void anExceptionOnAShellPathIsAProblemForAProgramWhateverItAccepts() {
    assertInternalError(server.anonymous().header("Accept", "application/json").get("/not-a-route/thrown"));
  }

  @Test
  void aBrowserOpeningAPageThatFailsGetsAPageSayingWhatToDoAndAWayBack() {
    TestHttp.Response page =
        server.anonymous()
            .header("Sec-Fetch-Mode", "navigate")
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .get("/not-a-route/thrown?tab=lines");

    assertThat(page.status()).isEqualTo(500);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'");
    assertThat(page.text())
        .contains("<h1>Internal error</h1>")
        .contains("try again in a moment")
        .contains("<a class=\"way\" href=\"/not-a-route/thrown?tab=lines\">Try again</a>")
        .contains("Error: internal-error")
        .doesNotContain("db-7")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void aBrowserOpeningAPageThatIsNotThereIsSentToTheStartPage() {
    TestHttp.Response page = server.anonymous().header("Sec-Fetch-Mode", "navigate").get("/error");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.text()).contains("<a class=\"way\" href=\"/\">Go to the start page</a>");
  }

  @Test
  void aBrowserOpeningAPathOfPergolasOwnThatNothingServesGetsAPageAndAProgramTheProblem() {
    TestHttp.Response page = server.anonymous().header("Sec-Fetch-Mode", "navigate").get("/pergola/dashbord");
    JsonNode problem = server.anonymous().get("/pergola/dashbord").expectProblem(404);

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text())
        .contains("There is nothing at /pergola/dashbord")
        .contains("<a class=\"way\" href=\"/\">Go to the start page</a>");
    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:not-found");
  }

  @Test
  void anErrorStatusAFilterSendsKeepsItsMessage() {
    JsonNode problem = server.anonymous().get("/not-a-route/sent").expectProblem(503);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:service-unavailable");
    assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
    assertThat(problem.get("detail").asString()).isEqualTo("The shell is resting; try again in a minute");
    assertThat(server.anonymous().get("/not-a-route/sent").header("Retry-After")).isEqualTo("5");
  }

  @Test
  void theErrorPageAskedForByItselfIsNotFound() {
    server.anonymous().get("/error").expectProblem(404);
  }
}
