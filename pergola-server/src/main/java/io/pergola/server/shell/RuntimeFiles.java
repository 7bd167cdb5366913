package io.pergola.server.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The browser runtime's files (from the {@code pergola-runtime} jar), held in memory and served
 * under a content-hashed prefix, {@code /pergola/runtime/<hash>/...}, so they can be cached
 * forever and a new runtime reaches browsers on the next page load.
 */
@Component
class RuntimeFiles {

  private static final String LOCATION = "classpath*:pergola/runtime/**/*.js";

  /** A runtime file, with its gzip variant. */
  record RuntimeFile(byte[] bytes, byte[] gzip, String etag) {}

  private final Map<String, RuntimeFile> files;
  private final String prefix;

  RuntimeFiles() {
    try {
      Map<String, RuntimeFile> loaded = new TreeMap<>();
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        String url = resource.getURL().toString();
        String path = url.substring(url.lastIndexOf("pergola/runtime/") + "pergola/runtime/".length());
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
          bytes = in.readAllBytes();
        }
        all.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        all.update(bytes);
        String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\"";
        loaded.put(path, new RuntimeFile(bytes, gzip(bytes), etag));
      }
      this.files = java.util.Collections.unmodifiableMap(loaded); // sorted: stable pages
      this.prefix = "/pergola/runtime/" + HexFormat.of().formatHex(all.digest()).substring(0, 16) + "/";
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the browser runtime from the classpath", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the runtime is served, e.g. {@code /pergola/runtime/3fa2…/}. */
  String prefix() {
    return prefix;
  }

  /** Paths of every runtime file, for modulepreload hints. */
  Iterable<String> paths() {
    return files.keySet();
  }

  boolean isEmpty() {
    return files.isEmpty();
  }

  /** The file at {@code /pergola/runtime/<hash>/<path>}, or null (also for an old hash). */
  RuntimeFile lookup(String requestUri) {
    return requestUri.startsWith(prefix) ? files.get(requestUri.substring(prefix.length())) : null;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
