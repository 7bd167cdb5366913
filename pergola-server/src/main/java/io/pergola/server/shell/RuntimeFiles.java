package io.pergola.server.shell;

import io.pergola.server.assets.AcceptEncoding;
import io.pergola.server.web.ContentETags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The browser runtime as built by {@code pergola-runtime} (the bundle {@code pergola.js}, one
 * adapter module per kind of child, one module per set of kinds holding their adapters together,
 * and their source maps), held in memory with brotli and gzip
 * variants made once, and served under a content-hashed prefix, {@code /pergola/runtime/<hash>/},
 * so they can be cached forever and a new runtime reaches browsers on the next page load.
 */
@Component
class RuntimeFiles {

  private static final String LOCATION = "classpath*:pergola/runtime/*";

  /**
   * A runtime file with its compressed encodings (null where not smaller) and source map, if any.
   */
  record RuntimeFile(String contentType, Encoded identity, Encoded gzip, Encoded brotli, String sourceMap) {

    /** The smallest encoding the request accepts. */
    Encoded negotiate(AcceptEncoding accepted) {
      return accepted.best(brotli, gzip, identity);
    }
  }

  /**
   * One encoding of a runtime file: its bytes, its {@code Content-Encoding} (null: as is) and a
   * strong ETag of its own, since each encoding is a representation of its own.
   */
  record Encoded(byte[] body, String encoding, String etag) {

    static Encoded of(byte[] body, String encoding) throws NoSuchAlgorithmException {
      return new Encoded(body, encoding, ContentETags.of(MessageDigest.getInstance("SHA-256").digest(body)));
    }
  }

  private final Map<String, RuntimeFile> files;
  private final String prefix;

  RuntimeFiles() {
    try {
      Map<String, byte[]> contents = new TreeMap<>(); // sorted: a stable hash
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        String name = resource.getFilename();
        if (name != null && (name.endsWith(".js") || name.endsWith(".js.map"))) {
          try (InputStream in = resource.getInputStream()) {
            contents.put(name, in.readAllBytes());
          }
        }
      }
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      Map<String, RuntimeFile> loaded = new TreeMap<>();
      for (Map.Entry<String, byte[]> file : contents.entrySet()) {
        String name = file.getKey();
        byte[] bytes = file.getValue();
        all.update(name.getBytes(StandardCharsets.UTF_8));
        all.update(bytes);
        boolean map = name.endsWith(".map");
        loaded.put(name, new RuntimeFile(
            map ? "application/json" : "text/javascript;charset=utf-8",
            Encoded.of(bytes, null),
            smaller(Gzip.compress(bytes, Deflater.BEST_COMPRESSION), bytes, "gzip"),
            Brotli.AVAILABLE ? smaller(Brotli.compress(bytes, 11), bytes, "br") : null,
            !map && contents.containsKey(name + ".map") ? name + ".map" : null));
      }
      this.files = Collections.unmodifiableMap(loaded);
      this.prefix = RuntimeFilesFilter.PREFIX + HexFormat.of().formatHex(all.digest()).substring(0, 16) + "/";
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

  /** The URL of the entry module, the one a shell page loads. */
  String entryUrl() {
    return prefix + "pergola.js";
  }

  /** The URL of the module adapting children of {@code kind}, which the runtime loads lazily. */
  Optional<String> kindAdapterUrl(String kind) {
    return url(kind + "-kind.js");
  }

  /**
   * The URL of the one module holding the adapters of all of {@code kinds} (two or more), where
   * the build made one: a page showing children of those kinds maps each adapter's URL to it.
   */
  Optional<String> kindAdaptersUrl(Collection<String> kinds) {
    List<String> members = kinds.stream().distinct().map(kind -> kind + "-kind").sorted().toList();
    return members.size() < 2 ? Optional.empty() : url(String.join("_", members) + ".js");
  }

  private Optional<String> url(String file) {
    return files.containsKey(file) ? Optional.of(prefix + file) : Optional.empty();
  }

  /** The file at {@code /pergola/runtime/<hash>/<name>}, or null (also for an old hash). */
  RuntimeFile lookup(String requestUri) {
    return requestUri.startsWith(prefix) ? files.get(requestUri.substring(prefix.length())) : null;
  }

  private static Encoded smaller(byte[] variant, byte[] bytes, String encoding) throws NoSuchAlgorithmException {
    return variant.length < bytes.length ? Encoded.of(variant, encoding) : null;
  }
}
