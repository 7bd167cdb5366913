package io.pergola.core;

/** Preconditions whose messages quote the bad value, so the person who sent it can fix it. */
public final class Require {

  private Require() {}

  /**
   * Throws {@link IllegalArgumentException} with the formatted message when {@code condition} is
   * false. The message should quote the bad value: {@code "The name \"%s\" is not valid: ..."}.
   */
  public static void argument(boolean condition, String messageFormat, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(messageFormat, args));
    }
  }

  /** Returns {@code value}, refusing null with a message naming the argument. */
  public static <T> T nonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("The argument \"" + name + "\" is required");
    }
    return value;
  }
}
