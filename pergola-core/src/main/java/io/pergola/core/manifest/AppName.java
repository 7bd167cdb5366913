package io.pergola.core.manifest;

import io.pergola.core.Require;
import java.util.regex.Pattern;

/** An app's name: used in URLs and import-map specifiers, so lowercase and hyphens only. */
public record AppName(String value) {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public AppName {
    Require.argument(
        value != null && value.length() <= 64 && VALID.matcher(value).matches(),
        "The app name \"%s\" is not valid: use 1-64 lowercase letters, digits and single hyphens,"
            + " starting with a letter",
        value);
  }

  public static AppName of(String value) {
    return new AppName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
