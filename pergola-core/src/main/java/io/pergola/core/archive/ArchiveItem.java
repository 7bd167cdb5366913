package io.pergola.core.archive;

/**
 * One entry as an archive reader saw it, before any judgement.
 *
 * @param rawName the name's bytes exactly as stored (judged for UTF-8 by {@link EntryNames})
 * @param kind what the entry is
 */
record ArchiveItem(byte[] rawName, Kind kind) {

  enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARD_LINK,
    SPECIAL
  }
}
