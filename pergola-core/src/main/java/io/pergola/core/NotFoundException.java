package io.pergola.core;

/** Something the request names does not exist: an app, a version, a team, an environment. */
public class NotFoundException extends PergolaException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
