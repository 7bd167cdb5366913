package io.pergola.core.deploy;

import io.pergola.core.PergolaException;

/** An operation that makes no sense for the environment as it is (nothing to roll back to, ...). */
public class DeployRefusedException extends PergolaException {

  private static final long serialVersionUID = 1L;

  public DeployRefusedException(String message) {
    super(message);
  }
}
