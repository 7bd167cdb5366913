package io.pergola.core;

/**
 * A refusal by Pergola's rules: bad input, a broken contract, a conflict. Each subclass names one
 * kind of refusal and carries what a person needs to fix it; the server maps each subclass to one
 * HTTP status and an RFC 9457 problem document, in one place.
 */
public abstract class PergolaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected PergolaException(String message) {
    super(message);
  }

  protected PergolaException(String message, Throwable cause) {
    super(message, cause);
  }
}
