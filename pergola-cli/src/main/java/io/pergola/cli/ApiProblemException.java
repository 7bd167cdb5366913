package io.pergola.cli;

import java.util.List;

/** The server refused a request; carries its RFC 9457 problem document's parts. */
final class ApiProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> details;

  ApiProblemException(int status, String title, String detail, List<String> details) {
    super(title + ": " + detail);
    this.status = status;
    this.details = List.copyOf(details);
  }

  int status() {
    return status;
  }

  /** Further lines worth showing: violations, the entry at fault, the limit. */
  List<String> details() {
    return details;
  }
}
