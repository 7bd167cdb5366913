package io.pergola.core.storage;

import java.io.IOException;

/**
 * The store could not be reached (no connection, no answer in time, or it said it is overloaded
 * or down): nothing is wrong with the request, and the same call may well succeed in a moment.
 * Other failures of a store (access refused, a missing bucket) are plain {@link IOException}s: a
 * configuration to fix, not an outage to wait out.
 */
public class BlobStoreUnavailableException extends IOException {

  public BlobStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
