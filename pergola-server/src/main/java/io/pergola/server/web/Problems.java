package io.pergola.server.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents with Pergola's problem types, {@code urn:pergola:problem:<slug>},
 * so clients can branch on {@code type} and people can read {@code detail}.
 */
public final class Problems {

  private static final String TYPE_PREFIX = "urn:pergola:problem:";

  private Problems() {}

  /** A problem of type {@code urn:pergola:problem:<slug>} with a title and an actionable detail. */
  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return reworded(problem, slug, title, detail);
  }

  /** {@code problem} (Spring's own, say) with Pergola's type, title and detail instead of its. */
  public static ProblemDetail reworded(ProblemDetail problem, String slug, String title, String detail) {
    problem.setType(URI.create(TYPE_PREFIX + slug));
    problem.setTitle(title);
    problem.setDetail(detail);
    return problem;
  }
}
