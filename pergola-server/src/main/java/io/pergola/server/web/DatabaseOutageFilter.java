package io.pergola.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.pergola.server.telemetry.Throttle;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that failed for want of the database with a 503 to retry, outside the session
 * filter. The container's error page cannot: its dispatch goes through the session and security
 * filters again, which read the signed-in person's session from the same database, fail again, and
 * leave the container's own bare error page. A response already on its way (a streamed page) is
 * left to fail as it must.
 */
@Component
@Order(Integer.MIN_VALUE + 10) // ahead of Spring Session's filter (MIN_VALUE + 50)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final Throttle warnings = new Throttle(Duration.ofMinutes(1));

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!DatabaseOutages.unreachable(failure) || response.isCommitted()) {
        throw failure;
      }
      if (warnings.due("database")) {
        log.warn("{} {} answered 503: the database cannot be reached ({}); said at most once a minute",
            request.getMethod(), request.getRequestURI(), rootOf(failure));
      }
      response.reset(); // nothing of the page it was to be: not its headers either
      String query = request.getQueryString();
      ErrorAnswer.databaseUnavailable()
          .send(request, response, query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
    }
  }

  private static String rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }
}
