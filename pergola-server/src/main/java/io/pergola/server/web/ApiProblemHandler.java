package io.pergola.server.web;

import io.pergola.core.ConflictException;
import io.pergola.core.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where refusals become RFC 9457 problem documents. Controllers throw; they never
 * build error bodies. Spring MVC's own errors (unreadable body, missing parameter, unknown path)
 * are already problem documents through the superclass.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail forbidden(AccessDeniedException e) {
    return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  /** Values refused by {@code Require} at the edge (an invalid app name in a path, ...). */
  @ExceptionHandler
  ProblemDetail invalidArgument(IllegalArgumentException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "invalid-argument", "Invalid argument", e.getMessage());
  }
}
