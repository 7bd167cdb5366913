package io.pergola.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.pergola.core.storage.BlobStoreUnavailableException;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error as the server answers it when no handler of its own took it: a problem document for a
 * program, the same words as a {@link NoticePage} for a person's browser opening a page.
 *
 * @param slug the problem type's last part ({@code urn:pergola:problem:<slug>})
 * @param detail what the reader can do about it
 */
record ErrorAnswer(HttpStatus status, String slug, String title, String detail) {

  /** Nothing is wrong with the request and the node recovers by itself: a 503 to retry. */
  static ErrorAnswer databaseUnavailable() {
    return new ErrorAnswer(
        HttpStatus.SERVICE_UNAVAILABLE,
        "database-unavailable",
        "Temporarily unavailable",
        "Pergola cannot reach its database right now; try again in a few seconds (a change you asked"
            + " for may not have been made: look before repeating it). If it lasts, tell the platform"
            + " team: the server's log and its readiness check say more.");
  }

  /** Nothing is wrong with the request either: a 503 to retry, a publish to send again. */
  static ErrorAnswer objectStoreUnavailable() {
    return new ErrorAnswer(
        HttpStatus.SERVICE_UNAVAILABLE,
        "object-store-unavailable",
        "Temporarily unavailable",
        "Pergola cannot reach its object store right now; try again in a few seconds (a publish that"
            + " failed left nothing behind: send it again). If it lasts, tell the platform team: the"
            + " server's log and its readiness check say more.");
  }

  /** Nothing is served at {@code path}. */
  static ErrorAnswer nothingAt(String path) {
    return new ErrorAnswer(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at " + path);
  }

  /** The answer for a failure of something the server depends on, out of reach: a 503 to retry. */
  static Optional<ErrorAnswer> outage(Throwable failure) {
    if (DatabaseOutages.unreachable(failure)) {
      return Optional.of(databaseUnavailable());
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BlobStoreUnavailableException) {
        return Optional.of(objectStoreUnavailable());
      }
    }
    return Optional.empty();
  }

  /**
   * Writes the answer. A page has a way on: {@code failedLink} again after a server error (or the
   * start page if that is no path on this server), the start page after a refusal.
   */
  void send(HttpServletRequest request, HttpServletResponse response, String failedLink) throws IOException {
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
    }
    if (!wantsPage(request)) {
      FilterProblems.write(response, status.value(), slug, title, detail);
      return;
    }
    NoticePage.Way way =
        status.is5xxServerError()
            ? new NoticePage.Way("Try again", local(failedLink))
            : new NoticePage.Way("Go to the start page", "/");
    NoticePage.send(response, status, title, detail, way, slug);
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return "navigate".equals(request.getHeader("Sec-Fetch-Mode")) || (accept != null && accept.contains("text/html"));
  }

  /** A link on this server, never to another host ({@code //host} and {@code /\host} are). */
  private static String local(String link) {
    return link != null && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : "/";
  }
}
