package io.pergola.server.shell;

import io.pergola.server.assets.AcceptEncoding;
import io.pergola.server.web.ContentETags;
import io.pergola.server.web.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the browser runtime's files under {@code /pergola/runtime/<hash>/}: public, immutable,
 * from memory, with their brotli and gzip variants. A filter ahead of every other one that never
 * passes the request on (the asset origin goes further, as a Tomcat valve): no security chain
 * and, above all, no session lookup for each of a page's runtime files (bench/page-load measured
 * the signed-in demo's runtime files queueing behind session reads and writes).
 */
final class RuntimeFilesFilter extends HttpFilter {

  static final String PREFIX = "/pergola/runtime/";

  private final RuntimeFiles runtime;

  RuntimeFilesFilter(RuntimeFiles runtime) {
    this.runtime = runtime;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    boolean head = "HEAD".equals(request.getMethod());
    if (!head && !"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD");
      FilterProblems.write(response, 405, "method-not-allowed", "Method not allowed", "The runtime's files answer GET and HEAD only");
      return;
    }
    RuntimeFiles.RuntimeFile file = runtime.lookup(request.getRequestURI());
    if (file == null) {
      FilterProblems.write(
          response, 404, "not-found", "Not found",
          "This server's runtime has no file " + request.getRequestURI() + ": its files are under " + runtime.prefix()
              + ", and a page from before the last upgrade asks for its own runtime's, which are gone");
      return;
    }
    RuntimeFiles.Encoded encoded = file.negotiate(AcceptEncoding.parse(request.getHeader("Accept-Encoding")));
    response.setContentType(file.contentType());
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("ETag", encoded.etag());
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (file.sourceMap() != null) {
      // Named in a header, not a comment in the file: browsers without devtools open pay nothing.
      response.setHeader("SourceMap", file.sourceMap());
    }
    if (ContentETags.matches(request.getHeader("If-None-Match"), encoded.etag())) {
      response.setStatus(304);
      return;
    }
    if (encoded.encoding() != null) {
      response.setHeader("Content-Encoding", encoded.encoding());
    }
    byte[] body = encoded.body();
    response.setContentLength(body.length);
    if (!head) {
      response.getOutputStream().write(body);
    }
  }
}
