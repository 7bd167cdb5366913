package io.pergola.core.semver;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as SemVer 2.0.0 defines it ({@code 1.4.0}, {@code 2.0.0-rc.1+build.5}), ordered by
 * the specification's precedence: build metadata is kept but never compared.
 */
public record SemVer(int major, int minor, int patch, List<String> prerelease, String build)
    implements Comparable<SemVer> {

  private static final String NUMBER = "0|[1-9]\\d*";
  private static final String IDENTIFIER = "0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*";
  private static final Pattern SEMVER =
      Pattern.compile(
          "(NUMBER)\\.(NUMBER)\\.(NUMBER)(?:-((?:ID)(?:\\.(?:ID))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?"
              .replace("NUMBER", NUMBER)
              .replace("ID", IDENTIFIER));

  public SemVer {
    prerelease = List.copyOf(prerelease);
    build = build == null ? "" : build;
  }

  /** Parses canonical SemVer 2.0.0 text; refuses anything else with a message quoting it. */
  public static SemVer parse(String text) {
    if (text == null || text.length() > 256) {
      throw new InvalidVersionException("The version \"" + text + "\" is not a SemVer 2.0 version");
    }
    Matcher matcher = SEMVER.matcher(text);
    if (!matcher.matches()) {
      throw new InvalidVersionException(
          "The version \""
              + text
              + "\" is not a SemVer 2.0 version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1)");
    }
    try {
      return new SemVer(
          Integer.parseInt(matcher.group(1)),
          Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3)),
          matcher.group(4) == null ? List.of() : List.of(matcher.group(4).split("\\.")),
          matcher.group(5));
    } catch (NumberFormatException e) {
      throw new InvalidVersionException("The version \"" + text + "\" has a number too large");
    }
  }

  /** Whether this is a pre-release ({@code 1.0.0-beta}). */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** The same version without pre-release and build ({@code 1.2.3-rc.1} → {@code 1.2.3}). */
  public SemVer release() {
    return new SemVer(major, minor, patch, List.of(), "");
  }

  /** Whether major, minor and patch are equal (pre-release and build aside). */
  public boolean sameCore(SemVer other) {
    return major == other.major && minor == other.minor && patch == other.patch;
  }

  @Override
  public int compareTo(SemVer other) {
    int core =
        major != other.major
            ? Integer.compare(major, other.major)
            : minor != other.minor
                ? Integer.compare(minor, other.minor)
                : Integer.compare(patch, other.patch);
    if (core != 0) {
      return core;
    }
    // A pre-release has lower precedence than its release (SemVer §11.3).
    if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
      int compared = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
      if (compared != 0) {
        return compared;
      }
    }
    return Integer.compare(prerelease.size(), other.prerelease.size());
  }

  /** Numeric identifiers compare numerically and sort before alphanumeric ones (SemVer §11.4). */
  private static int compareIdentifiers(String left, String right) {
    boolean leftNumeric = isNumeric(left);
    boolean rightNumeric = isNumeric(right);
    if (leftNumeric && rightNumeric) {
      return left.length() != right.length()
          ? Integer.compare(left.length(), right.length())
          : left.compareTo(right);
    }
    if (leftNumeric || rightNumeric) {
      return leftNumeric ? -1 : 1;
    }
    return left.compareTo(right);
  }

  private static boolean isNumeric(String identifier) {
    return identifier.chars().allMatch(Character::isDigit);
  }

  /** Equal in precedence; unlike {@link #equals}, ignores build metadata. */
  public boolean precedenceEquals(SemVer other) {
    return compareTo(other) == 0;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
    if (!prerelease.isEmpty()) {
      text.append('-').append(String.join(".", prerelease));
    }
    if (!build.isEmpty()) {
      text.append('+').append(build);
    }
    return text.toString();
  }
}
