package io.pergola.server.assets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.core.storage.BlobStore;
import io.pergola.server.storage.FilesystemBlobStore;
import io.pergola.server.web.ContentETags;
import io.pergola.server.web.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The asset origin: {@code GET}/{@code HEAD /assets/{app}/{version}/{path}}, served like a CDN
 * origin serves immutable files.
 *
 * <p>This is the hot path, so it answers from a Tomcat valve ({@link AssetOriginValve}) ahead of
 * the servlet context: no filter chain is built, no security chain runs (there is nothing to
 * secure on public immutable files), no observation, no DispatcherServlet. Everything a response
 * needs is precomputed per file ({@link AssetIndex}), small files are served from memory ({@link
 * AssetBytes}), and the headers' names and fixed values go to Tomcat as bytes ({@link
 * AssetHeader}), sparing it a character encoder per header per response; large files go out
 * through Tomcat's sendfile when they sit in a local directory, or stream from the store
 * otherwise. Measured against nginx in {@code bench/assets}.
 */
final class AssetOrigin {

  private static final byte[] CACHE_CONTROL = HeaderBytes.of("public, max-age=31536000, immutable");
  private static final byte[] NOSNIFF = HeaderBytes.of("nosniff");
  private static final byte[] CROSS_ORIGIN = HeaderBytes.of("cross-origin");
  private static final String ANY_ORIGIN = "*";
  private static final byte[] ANY = HeaderBytes.of(ANY_ORIGIN);
  private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

  private final AssetIndex index;
  private final AssetBytes bytes;
  private final BlobStore blobs;
  private final AssetProperties properties;
  private final byte[] vary;
  private final Counter served;
  private final Counter notModified;
  private final Counter notFound;

  AssetOrigin(
      AssetIndex index,
      AssetBytes bytes,
      BlobStore blobs,
      AssetProperties properties,
      MeterRegistry meters) {
    this.index = index;
    this.bytes = bytes;
    this.blobs = blobs;
    this.properties = properties;
    this.vary = HeaderBytes.of(properties.anyOrigin() ? "Accept-Encoding" : "Accept-Encoding, Origin");
    this.served = outcome(meters, "served");
    this.notModified = outcome(meters, "not-modified");
    this.notFound = outcome(meters, "not-found");
  }

  private static Counter outcome(MeterRegistry meters, String outcome) {
    return Counter.builder("pergola.assets.requests")
        .description("Requests to the asset origin, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /** Answers one request for a path {@link AssetPath#isForTheOrigin} accepts. */
  void serve(Request request, Response response) throws IOException {
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    if (!head && !"GET".equals(method)) {
      if ("OPTIONS".equals(method)) {
        preflight(request, response);
      } else {
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        problem(response, 405, "Method not allowed", "The asset origin answers GET, HEAD and OPTIONS only");
      }
      return;
    }
    AssetPath path = AssetPath.parse(request.getRequestURI());
    Map<String, Asset> files = path == null ? null : index.files(path.app(), path.version());
    Asset asset = files == null ? null : files.get(path.path());
    if (asset == null) {
      notFound.increment();
      problem(response, 404, "Not found", notFoundDetail(path, files));
      return;
    }
    AssetVariant variant = asset.negotiate(AcceptEncoding.parse(request.getHeader("Accept-Encoding")));
    MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
    writeCommonHeaders(request, headers, variant);
    if (ContentETags.matches(request.getHeader("If-None-Match"), variant.etag())) {
      notModified.increment();
      response.setStatus(304);
      return;
    }
    served.increment();
    // Set as a plain header, Tomcat would otherwise parse the type for its charset each time.
    AssetHeader.CONTENT_TYPE.add(headers, asset.contentTypeHeader());
    response.setContentLengthLong(variant.size());
    if (variant.encoding() != null) {
      AssetHeader.CONTENT_ENCODING.add(headers, variant.encodingHeader());
    }
    if (!head) {
      writeBody(request, response, variant);
    }
  }

  private void writeCommonHeaders(HttpServletRequest request, MimeHeaders headers, AssetVariant variant) {
    AssetHeader.CACHE_CONTROL.add(headers, CACHE_CONTROL);
    AssetHeader.ETAG.add(headers, variant.etagHeader());
    AssetHeader.VARY.add(headers, vary);
    AssetHeader.X_CONTENT_TYPE_OPTIONS.add(headers, NOSNIFF);
    AssetHeader.CROSS_ORIGIN_RESOURCE_POLICY.add(headers, CROSS_ORIGIN);
    String origin = allowedOrigin(request);
    if (origin != null) {
      byte[] value = properties.anyOrigin() ? ANY : HeaderBytes.of(origin);
      AssetHeader.ACCESS_CONTROL_ALLOW_ORIGIN.add(headers, value);
      AssetHeader.TIMING_ALLOW_ORIGIN.add(headers, value);
    }
  }

  private void writeBody(HttpServletRequest request, HttpServletResponse response, AssetVariant variant)
      throws IOException {
    if (bytes.cacheable(variant)) {
      response.getOutputStream().write(bytes.get(variant));
      return;
    }
    if (blobs instanceof FilesystemBlobStore files
        && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
      request.setAttribute("org.apache.tomcat.sendfile.filename", files.pathOf(variant.sha256()).toString());
      request.setAttribute("org.apache.tomcat.sendfile.start", 0L);
      request.setAttribute("org.apache.tomcat.sendfile.end", variant.size());
      return;
    }
    try (InputStream in = bytes.open(variant)) {
      OutputStream out = response.getOutputStream();
      in.transferTo(out);
    }
  }

  /** The {@code Access-Control-Allow-Origin} value for this request, or null for none. */
  private String allowedOrigin(HttpServletRequest request) {
    if (properties.anyOrigin()) {
      return ANY_ORIGIN;
    }
    String origin = request.getHeader("Origin");
    return origin != null && properties.corsOrigins().contains(origin) ? origin : null;
  }

  private void preflight(HttpServletRequest request, HttpServletResponse response) {
    String origin = allowedOrigin(request);
    if (origin != null) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
      String headers = request.getHeader("Access-Control-Request-Headers");
      if (headers != null) {
        response.setHeader("Access-Control-Allow-Headers", headers);
      }
      response.setHeader("Access-Control-Max-Age", "86400");
    }
    response.setHeader("Vary", "Origin, Access-Control-Request-Headers");
    response.setStatus(204);
  }

  private static String notFoundDetail(AssetPath path, Map<String, Asset> files) {
    if (path == null) {
      return "Asset URLs look like /assets/{app}/{version}/{path}";
    }
    if (files == null) {
      return "There is no published version \"" + path.version() + "\" of an app \"" + path.app() + "\"";
    }
    return path.app() + " " + path.version() + " has no file \"" + path.path() + "\"";
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    FilterProblems.write(response, status, status == 404 ? "not-found" : "method-not-allowed", title, detail);
  }
}
