package io.pergola.core.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of versions in npm's syntax, which front-end teams already write in {@code
 * package.json}: {@code ^3.4.0}, {@code ~1.2}, {@code 1.x}, {@code >=1.0.0 <2}, {@code 1.2.3 -
 * 2.0.0}, alternatives joined by {@code ||}.
 *
 * <p>As in npm, a pre-release version satisfies a range only when a comparator of the same
 * alternative names a pre-release of the same {@code major.minor.patch}: {@code ^1.2.0} does not
 * admit {@code 1.3.0-beta}, {@code >=1.3.0-beta} does.
 */
public final class SemVerRange {

  private static final Pattern PARTIAL =
      Pattern.compile(
          "v?(?<major>0|[1-9]\\d*|[xX*])(?:\\.(?<minor>0|[1-9]\\d*|[xX*])(?:\\.(?<patch>0|[1-9]\\d*|[xX*])"
              + "(?:-(?<pre>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?");
  private static final Pattern COMPARATOR =
      Pattern.compile("(?<op>\\^|~>?|>=|<=|>|<|=)?(?<version>\\S+)");

  private final String text;
  private final List<List<Comparator>> alternatives;

  private SemVerRange(String text, List<List<Comparator>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /** Parses a range, refusing what npm would refuse with a message quoting it. */
  public static SemVerRange parse(String text) {
    if (text == null || text.length() > 256) {
      throw invalid(text);
    }
    List<List<Comparator>> alternatives = new ArrayList<>();
    for (String alternative : text.split("\\|\\|", -1)) {
      alternatives.add(parseAlternative(alternative.strip(), text));
    }
    return new SemVerRange(text, List.copyOf(alternatives));
  }

  /** Whether {@code version} lies in this range. */
  public boolean isSatisfiedBy(SemVer version) {
    for (List<Comparator> comparators : alternatives) {
      if (comparators.stream().allMatch(comparator -> comparator.test(version))
          && (!version.isPrerelease()
              || comparators.stream()
                  .anyMatch(c -> c.version.isPrerelease() && c.version.sameCore(version)))) {
        return true;
      }
    }
    return false;
  }

  private static List<Comparator> parseAlternative(String alternative, String whole) {
    List<Comparator> comparators = new ArrayList<>();
    if (alternative.isEmpty()) {
      return List.of();
    }
    String[] hyphen = alternative.split("\\s+-\\s+");
    if (hyphen.length == 2) {
      Partial from = partial(hyphen[0], whole);
      Partial to = partial(hyphen[1], whole);
      comparators.add(new Comparator(Op.GTE, from.floor()));
      to.addUpperBound(comparators, true);
      return List.copyOf(comparators);
    }
    if (hyphen.length > 2) {
      throw invalid(whole);
    }
    // npm allows a space between an operator and its version (">= 1.2"); join them first.
    String joined = alternative.replaceAll("(\\^|~>?|>=|<=|>|<|=)\\s+", "$1");
    for (String token : joined.split("\\s+")) {
      Matcher matcher = COMPARATOR.matcher(token);
      if (!matcher.matches()) {
        throw invalid(whole);
      }
      String op = matcher.group("op") == null ? "" : matcher.group("op");
      expand(op, partial(matcher.group("version"), whole), comparators, whole);
    }
    return List.copyOf(comparators);
  }

  private static void expand(String op, Partial p, List<Comparator> out, String whole) {
    switch (op) {
      case "^" -> {
        out.add(new Comparator(Op.GTE, p.floor()));
        if (p.major == null) {
          return;
        }
        if (p.major > 0 || p.minor == null) {
          out.add(new Comparator(Op.LT, bound(p.major + 1, 0, 0)));
        } else if (p.minor > 0 || p.patch == null) {
          out.add(new Comparator(Op.LT, bound(0, p.minor + 1, 0)));
        } else {
          out.add(new Comparator(Op.LT, bound(0, 0, p.patch + 1)));
        }
      }
      case "~", "~>" -> {
        out.add(new Comparator(Op.GTE, p.floor()));
        if (p.major == null) {
          return;
        }
        out.add(
            new Comparator(
                Op.LT, p.minor == null ? bound(p.major + 1, 0, 0) : bound(p.major, p.minor + 1, 0)));
      }
      case "", "=" -> {
        if (p.isComplete()) {
          out.add(new Comparator(Op.EQ, p.floor()));
        } else {
          out.add(new Comparator(Op.GTE, p.floor()));
          p.addUpperBound(out, false);
        }
      }
      case ">=" -> out.add(new Comparator(Op.GTE, p.floor()));
      case "<" -> out.add(new Comparator(Op.LT, p.isComplete() ? p.floor() : withPre0(p.floor())));
      case ">" -> {
        if (p.isComplete()) {
          out.add(new Comparator(Op.GT, p.floor()));
        } else if (p.major == null) {
          out.add(new Comparator(Op.LT, bound(0, 0, 0))); // ">*" admits nothing
        } else {
          out.add(new Comparator(Op.GTE, p.minor == null ? bound(p.major + 1, 0, 0, false) : bound(p.major, p.minor + 1, 0, false)));
        }
      }
      case "<=" -> {
        if (p.isComplete()) {
          out.add(new Comparator(Op.LTE, p.floor()));
        } else if (p.major != null) {
          p.addUpperBound(out, false);
        }
      }
      default -> throw invalid(whole);
    }
  }

  private static SemVer withPre0(SemVer version) {
    return new SemVer(version.major(), version.minor(), version.patch(), List.of("0"), "");
  }

  /** The exclusive upper bound {@code major.minor.patch-0}: below every pre-release of it. */
  private static SemVer bound(int major, int minor, int patch) {
    return bound(major, minor, patch, true);
  }

  private static SemVer bound(int major, int minor, int patch, boolean pre0) {
    return new SemVer(major, minor, patch, pre0 ? List.of("0") : List.of(), "");
  }

  private static Partial partial(String text, String whole) {
    Matcher matcher = PARTIAL.matcher(text);
    if (!matcher.matches()) {
      throw invalid(whole);
    }
    Integer major = number(matcher.group("major"));
    Integer minor = major == null ? null : number(matcher.group("minor"));
    Integer patch = minor == null ? null : number(matcher.group("patch"));
    String pre = patch == null ? null : matcher.group("pre");
    return new Partial(major, minor, patch, pre == null ? List.of() : List.of(pre.split("\\.")));
  }

  private static Integer number(String group) {
    if (group == null || group.equalsIgnoreCase("x") || group.equals("*")) {
      return null;
    }
    return Integer.valueOf(group);
  }

  private static InvalidVersionException invalid(String text) {
    return new InvalidVersionException(
        "The version range \""
            + text
            + "\" is not valid (use npm syntax, e.g. ^3.4.0, ~1.2, 1.x, >=1.0.0 <2.0.0)");
  }

  /** A version with parts left open ({@code 1}, {@code 1.2}, {@code 1.x}). */
  private record Partial(Integer major, Integer minor, Integer patch, List<String> prerelease) {

    boolean isComplete() {
      return patch != null;
    }

    SemVer floor() {
      return new SemVer(
          major == null ? 0 : major,
          minor == null ? 0 : minor,
          patch == null ? 0 : patch,
          prerelease,
          "");
    }

    /** Adds the upper bound of this partial as an x-range ({@code 1.2} → {@code <1.3.0-0}). */
    void addUpperBound(List<Comparator> out, boolean inclusiveWhenComplete) {
      if (major == null) {
        return;
      }
      if (patch != null) {
        out.add(new Comparator(inclusiveWhenComplete ? Op.LTE : Op.EQ, floor()));
      } else if (minor != null) {
        out.add(new Comparator(Op.LT, bound(major, minor + 1, 0)));
      } else {
        out.add(new Comparator(Op.LT, bound(major + 1, 0, 0)));
      }
    }
  }

  private enum Op {
    EQ,
    LT,
    LTE,
    GT,
    GTE
  }

  private record Comparator(Op op, SemVer version) {
    boolean test(SemVer candidate) {
      int compared = candidate.compareTo(version);
      return switch (op) {
        case EQ -> compared == 0;
        case LT -> compared < 0;
        case LTE -> compared <= 0;
        case GT -> compared > 0;
        case GTE -> compared >= 0;
      };
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SemVerRange range && range.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The range as written. */
  @Override
  public String toString() {
    return text;
  }
}
