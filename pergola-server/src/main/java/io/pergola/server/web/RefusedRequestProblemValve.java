package io.pergola.server.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers requests Tomcat refused while parsing them with a problem document, like every other
 * error Pergola gives, instead of Tomcat's HTML error page: a path with an encoded slash ({@code
 * %2F}), backslash ({@code %5C}) or NUL ({@code %00}), or one that climbs above the root. Tomcat
 * still runs its engine's valves for such a request, its error already set and no decoded path.
 */
final class RefusedRequestProblemValve extends ValveBase {

  RefusedRequestProblemValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    if (request.getDecodedRequestURI() != null || !response.isError() || response.isCommitted()) {
      getNext().invoke(request, response);
      return;
    }
    int status = response.getStatus();
    // sendError suspended the response; the problem document is its body instead of Tomcat's.
    response.setSuspended(false);
    FilterProblems.write(
        response,
        status,
        "malformed-url",
        "Malformed URL",
        "The URL's path cannot be read safely: encoded slashes (%2F), backslashes (%5C) and NUL"
            + " characters (%00) are refused, as are paths that go above the root. Send the path with"
            + " plain slashes, or percent-encode such characters in query parameters instead.");
  }
}
