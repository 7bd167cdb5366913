package io.pergola.core.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Walks the entries of one archive format, once, in order. */
interface ArchiveReader extends Closeable {

  /** The next entry, or null at the end. */
  ArchiveItem next() throws IOException;

  /**
   * The current entry's content, inflating lazily. Refuses with {@link
   * RefusalReason#COMPRESSION_RATIO} while streaming when the data inflates like a bomb.
   */
  InputStream content() throws IOException;
}
