package io.pergola.server.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem document for whatever reaches the servlet container's error page: an exception no
 * handler took (out of a controller, or out of a filter after the controller has run, as a session
 * commit that fails throws) and an error status sent with {@code sendError}. It takes the place of
 * Spring Boot's error controller, whose JSON is not a problem document, and which would answer a
 * browser with an HTML page.
 *
 * <p>A server error says what to do, not what went wrong: an exception's message can name hosts,
 * users and queries, and the container has logged it with its stack trace already. A status sent
 * with a message (Pergola's own, as the shell's "environment does not exist") keeps it. The
 * database or the object store out of reach is a 503 with {@code Retry-After}, not an internal
 * error: nothing is wrong with the request, and a node comes back by itself ({@link
 * DatabaseOutageFilter} answers the database's where this page could not be reached). Written straight to the response: a program gets the problem
 * document whatever it accepts, a person's browser opening a page gets the same words as a {@link
 * NoticePage}.
 */
@RestController
class ErrorProblemController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      ErrorAnswer.nothingAt(request.getRequestURI()).send(request, response, "/");
      return;
    }
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object query = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
    String failedLink = query instanceof String text && !text.isEmpty() ? path + "?" + text : String.valueOf(path);
    answer(request).send(request, response, failedLink);
  }

  private static ErrorAnswer answer(HttpServletRequest request) {
    HttpStatus status = status(request);
    Throwable exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown ? thrown : null;
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    boolean said = message instanceof String text && !text.isBlank();
    Optional<ErrorAnswer> outage = ErrorAnswer.outage(exception);
    if (outage.isPresent()) {
      return outage.get();
    }
    if (status.is5xxServerError() && (exception != null || !said)) {
      return new ErrorAnswer(
          status,
          "internal-error",
          "Internal error",
          "Pergola failed to answer this request; try again in a moment (a change you asked for may"
              + " have been made: look before repeating it). If it keeps failing, tell the platform team"
              + " the time and the path: the cause is in the server's log.");
    }
    return new ErrorAnswer(
        status,
        status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        status.getReasonPhrase(),
        said ? (String) message : status.getReasonPhrase() + " (" + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + ")");
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
