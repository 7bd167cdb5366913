package io.pergola.core;

/**
 * The request contradicts what already exists: a version republished with different content, a
 * team or app created twice.
 */
public class ConflictException extends PergolaException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
