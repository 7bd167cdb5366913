package io.pergola.core.archive;

import io.pergola.core.PergolaException;
import java.util.Optional;

/**
 * An archive that Pergola will not publish: what is wrong ({@link #reason()}), where ({@link
 * #entry()}, the offending entry's name made printable) and, for limits, which limit.
 */
public class ArchiveRefusedException extends PergolaException {

  private static final long serialVersionUID = 1L;

  private final RefusalReason reason;
  private final String entry;
  private final Long limit;

  ArchiveRefusedException(RefusalReason reason, String entry, Long limit, String message) {
    super(message);
    this.reason = reason;
    this.entry = entry;
    this.limit = limit;
  }

  static ArchiveRefusedException of(RefusalReason reason, String message) {
    return new ArchiveRefusedException(reason, null, null, message);
  }

  static ArchiveRefusedException atEntry(RefusalReason reason, String entry, String message) {
    return new ArchiveRefusedException(reason, entry, null, message);
  }

  static ArchiveRefusedException overLimit(
      RefusalReason reason, String entry, long limit, String message) {
    return new ArchiveRefusedException(reason, entry, limit, message);
  }

  public RefusalReason reason() {
    return reason;
  }

  /** The entry at fault, with unprintable characters escaped; empty for whole-archive faults. */
  public Optional<String> entry() {
    return Optional.ofNullable(entry);
  }

  /** The limit that was exceeded, for {@linkplain RefusalReason#isLimit() limit} refusals. */
  public Optional<Long> limit() {
    return Optional.ofNullable(limit);
  }
}
