package io.pergola.server.assets;

/**
 * What a request's {@code Accept-Encoding} allows, of the two encodings Pergola pre-compresses.
 * Honours {@code q=0} (an explicit refusal) and {@code *}.
 */
public record AcceptEncoding(boolean brotli, boolean gzip) {

  private static final AcceptEncoding NONE = new AcceptEncoding(false, false);

  public static AcceptEncoding parse(String header) {
    if (header == null || header.isEmpty()) {
      return NONE;
    }
    Boolean br = null;
    Boolean gzip = null;
    Boolean any = null;
    for (String part : header.split(",")) {
      int semicolon = part.indexOf(';');
      String coding = (semicolon < 0 ? part : part.substring(0, semicolon)).strip();
      boolean accepted = semicolon < 0 || !isZeroQuality(part.substring(semicolon + 1));
      switch (coding.toLowerCase(java.util.Locale.ROOT)) {
        case "br" -> br = accepted;
        case "gzip", "x-gzip" -> gzip = accepted;
        case "*" -> any = accepted;
        default -> {}
      }
    }
    boolean wildcard = any != null && any;
    return new AcceptEncoding(br != null ? br : wildcard, gzip != null ? gzip : wildcard);
  }

  /**
   * The smallest of a file's encodings this request accepts: {@code brotli}, else {@code gzip},
   * else {@code identity}. A null encoding is one the file does not have.
   */
  public <T> T best(T brotli, T gzip, T identity) {
    if (brotli != null && this.brotli) {
      return brotli;
    }
    if (gzip != null && this.gzip) {
      return gzip;
    }
    return identity;
  }

  private static boolean isZeroQuality(String parameters) {
    for (String parameter : parameters.split(";")) {
      String p = parameter.strip();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2).strip()) == 0.0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }
}
