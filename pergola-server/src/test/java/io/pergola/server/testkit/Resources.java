package io.pergola.server.testkit;

/** Closing what a test class opened, for its {@code @AfterAll}. */
public final class Resources {

  private Resources() {}

  /**
   * Closes each resource in order, skipping nulls (one that was never opened, as when a server
   * could not start, e.g. without the PostgreSQL a backend run needs), and all of them even when
   * one fails: the first failure is thrown, with the later ones suppressed in it.
   */
  public static void closeAll(AutoCloseable... resources) {
    Throwable first = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception | Error failure) {
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    switch (first) {
      case null -> {}
      case RuntimeException unchecked -> throw unchecked;
      case Error error -> throw error;
      default -> throw new IllegalStateException("Closing a test's resources failed", first);
    }
  }
}
