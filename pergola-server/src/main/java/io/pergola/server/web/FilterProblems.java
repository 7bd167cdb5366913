package io.pergola.server.web;

import io.pergola.core.json.JsonStrings;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem documents (RFC 9457) written straight to the response by what answers ahead of Spring
 * MVC (the asset origin, the runtime's files, requests Tomcat refused), in the shape {@link
 * Problems} gives the API's: {@code urn:pergola:problem:<slug>}, a title and an actionable detail.
 */
public final class FilterProblems {

  private FilterProblems() {}

  public static void write(HttpServletResponse response, int status, String slug, String title, String detail)
      throws IOException {
    byte[] body =
        ("{\"type\":" + JsonStrings.quote("urn:pergola:problem:" + slug)
                + ",\"title\":" + JsonStrings.quote(title)
                + ",\"status\":" + status
                + ",\"detail\":" + JsonStrings.quote(detail) + "}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
