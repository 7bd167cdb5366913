package io.pergola.server.web;

import io.pergola.core.ConflictException;
import io.pergola.core.NotFoundException;
import io.pergola.core.archive.ArchiveRefusedException;
import io.pergola.core.deploy.DeployRefusedException;
import io.pergola.server.deploy.ForceableRefusalException;
import io.pergola.server.deploy.PreconditionFailedException;
import io.pergola.core.manifest.InvalidManifestException;
import io.pergola.core.semver.InvalidVersionException;
import io.pergola.server.registry.ManifestMismatchException;
import io.pergola.server.registry.UploadTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where refusals become RFC 9457 problem documents. Controllers throw; they never
 * build error bodies. Spring MVC's own errors (unreadable body, wrong method or media type, a
 * parameter of the wrong type, unknown path) are problem documents through the
 * superclass, reworded here to say what the endpoint takes, with Pergola's problem types.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  /** Spring's default says only "Failed to read request"; the parser's own words say where. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    String reason = cause instanceof JacksonException json ? json.getOriginalMessage() : cause.getMessage();
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "unreadable-body",
            "Unreadable request body",
            "The request body is not the JSON this endpoint expects: " + reason);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Set<HttpMethod> supported = e.getSupportedHttpMethods();
    String takes = supported == null || supported.isEmpty()
        ? "no method at all"
        : supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    Problems.reworded(
        e.getBody(), "method-not-allowed", "Method not allowed",
        "This path takes " + takes + ", not " + e.getMethod() + " (the Allow header lists them)");
    return super.handleHttpRequestMethodNotSupported(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
    Problems.reworded(
        e.getBody(), "unsupported-media-type", "Unsupported media type",
        "This endpoint reads " + MediaType.toString(e.getSupportedMediaTypes()) + "; the request has " + sent);
    return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Problems.reworded(
        e.getBody(), "not-acceptable", "Not acceptable",
        "This endpoint answers in " + MediaType.toString(e.getSupportedMediaTypes())
            + ", none of which the request's Accept header takes");
    return super.handleHttpMediaTypeNotAcceptable(e, headers, status, request);
  }

  /** Spring says "Failed to convert 'number' with value: 'x'"; this says what the value must be. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String where = e.getPropertyName() == null ? "A value" : "The parameter " + e.getPropertyName();
    if (e instanceof MethodArgumentTypeMismatchException argument) {
      where = argument.getParameter().hasParameterAnnotation(PathVariable.class)
          ? "The path's {" + argument.getName() + "}"
          : "The query parameter " + argument.getName();
    }
    String value = String.valueOf(e.getValue());
    String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
    ProblemDetail problem =
        Problems.of(
            status, "invalid-argument", "Invalid argument",
            where + " must be " + expected(e.getRequiredType() == null ? "" : e.getRequiredType().getSimpleName())
                + ", not \"" + shown + "\"");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** How a parameter's Java type reads to a person sending it. */
  private static String expected(String javaType) {
    return switch (javaType) {
      case "long", "Long", "int", "Integer", "short", "Short" -> "a whole number";
      case "boolean", "Boolean" -> "true or false";
      case "String" -> "text";
      default -> "a " + javaType;
    };
  }

  /**
   * A path nothing serves answers as a path no handler took does ({@link ErrorProblemController}):
   * a person who opened a mistyped link of Pergola's own (the dashboard's, say) gets a page with a
   * way to the start page, a program Pergola's not-found problem, not Spring's "No static resource".
   */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (!(request instanceof ServletWebRequest servlet) || servlet.getResponse() == null) {
      return super.handleNoResourceFoundException(e, headers, status, request);
    }
    try {
      ErrorAnswer.nothingAt(servlet.getRequest().getRequestURI())
          .send(servlet.getRequest(), servlet.getResponse(), "/");
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    return null; // written: Spring MVC takes a null entity as handled
  }

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

  @ExceptionHandler
  ProblemDetail archiveRefused(ArchiveRefusedException e) {
    ProblemDetail problem =
        Problems.of(
            e.reason().isLimit() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT,
            "archive-" + e.reason().id(),
            "Archive refused",
            e.getMessage());
    problem.setProperty("reason", e.reason().id());
    e.entry().ifPresent(entry -> problem.setProperty("entry", entry));
    e.limit().ifPresent(limit -> problem.setProperty("limit", limit));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail invalidManifest(InvalidManifestException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT, "invalid-manifest", "Invalid manifest", e.getMessage());
    problem.setProperty("violations", e.violations());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail manifestMismatch(ManifestMismatchException e) {
    return Problems.of(
        HttpStatus.UNPROCESSABLE_CONTENT, "manifest-mismatch", "Manifest mismatch", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail invalidVersion(InvalidVersionException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "invalid-version", "Invalid version", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail uploadTooLarge(UploadTooLargeException e) {
    ProblemDetail problem =
        Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage());
    problem.setProperty("limit", e.limit());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail deployRefused(DeployRefusedException e) {
    return Problems.of(HttpStatus.CONFLICT, "deploy-refused", "Deploy refused", e.getMessage());
  }

  /** A library contract or a withdrawn version: an admin may force the deploy past either. */
  @ExceptionHandler
  ProblemDetail forceableRefusal(ForceableRefusalException e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.slug(), e.title(), e.getMessage());
    problem.setProperty("violations", e.violations());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail revisionMoved(PreconditionFailedException e) {
    return Problems.of(
        HttpStatus.PRECONDITION_FAILED, "revision-moved", "Revision moved", e.getMessage());
  }

  /** Values refused by {@code Require} at the edge (an invalid app name in a path, ...). */
  @ExceptionHandler
  ProblemDetail invalidArgument(IllegalArgumentException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "invalid-argument", "Invalid argument", e.getMessage());
  }
}
