package io.pergola.server.auth;

import io.pergola.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answers from the security filter chain, written as problem documents like every
 * other API error (the filter chain runs before Spring MVC's exception handling).
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  public ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean presented = request.getHeader("Authorization") != null;
    response.setHeader("WWW-Authenticate", "Bearer realm=\"pergola\"");
    write(
        request,
        response,
        Problems.of(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            presented
                ? "The bearer token was not accepted: " + e.getMessage()
                : "This endpoint needs 'Authorization: Bearer <token>' with a Pergola API token"));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(
        request,
        response,
        Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
  }

  private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
