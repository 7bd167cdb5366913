package io.pergola.core.archive;

/** Why an archive was refused. The last four are limits: too much, rather than wrong. */
public enum RefusalReason {
  NOT_AN_ARCHIVE,
  CORRUPT,
  MISSING_MANIFEST,
  MISSING_ENTRY_FILE,
  UNSAFE_PATH,
  LINK,
  SPECIAL_FILE,
  DUPLICATE_ENTRY,
  INVALID_NAME_ENCODING,
  TOO_MANY_FILES,
  FILE_TOO_LARGE,
  ARCHIVE_TOO_LARGE,
  COMPRESSION_RATIO;

  /** Whether the archive broke a size limit rather than a rule (HTTP 413 rather than 422). */
  public boolean isLimit() {
    return ordinal() >= TOO_MANY_FILES.ordinal();
  }

  /** The reason as an identifier for APIs, e.g. {@code unsafe-path}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
