package io.pergola.server.deploy;

import io.pergola.core.PergolaException;

/** The client expected another revision than the environment is at ({@code If-Match}). */
public class PreconditionFailedException extends PergolaException {

  private static final long serialVersionUID = 1L;

  PreconditionFailedException(String message) {
    super(message);
  }
}
