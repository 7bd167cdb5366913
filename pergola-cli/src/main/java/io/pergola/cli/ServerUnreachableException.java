package io.pergola.cli;

import java.net.URI;

/** No Pergola server answered at the URL. */
final class ServerUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ServerUnreachableException(URI server, Throwable cause) {
    super(
        "No Pergola server answers at "
            + server
            + " ("
            + cause.getClass().getSimpleName()
            + "); start one with ./pergola serve, or pass --server / PERGOLA_URL",
        cause);
  }
}
