package io.pergola.cli;

/** The command was given something it cannot work with, found before any request was sent. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
