package io.pergola.server.deploy;

/**
 * Which part of an environment's audit trail a request asks for: the entries of revisions below
 * {@code before}, newest first, at most {@code limit} of them. A trail grows by one entry per
 * deploy for as long as the environment lives, so nobody gets all of it at once.
 *
 * @param before the revision the page starts below ({@link Long#MAX_VALUE}: from the newest)
 * @param limit how many entries at most, 1 to {@link #MAX_LIMIT}
 */
record AuditPage(long before, int limit) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  AuditPage {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    if (before < 1) {
      throw new IllegalArgumentException("before must be a revision above 0, not " + before);
    }
  }

  /** The page a request's {@code ?before=} and {@code ?limit=} name; absent ones take defaults. */
  static AuditPage of(Long before, Integer limit) {
    return new AuditPage(before == null ? Long.MAX_VALUE : before, limit == null ? DEFAULT_LIMIT : limit);
  }

  /** The {@code Link} header value naming the page after this one, which ends at {@code last}. */
  String next(String path, long last) {
    return "<" + path + "?before=" + last + "&limit=" + limit + ">; rel=\"next\"";
  }
}
