package io.pergola.server.registry;

import io.pergola.core.PergolaException;

/** The uploaded archive is larger than {@code pergola.registry.max-upload-size}. */
public class UploadTooLargeException extends PergolaException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  UploadTooLargeException(long limit) {
    super(
        "The upload is larger than the limit of "
            + limit
            + " bytes (pergola.registry.max-upload-size)");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
