package io.pergola.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo's bundles, read from inside pergola.jar: the example children (packed from the
 * {@code examples/} folder at build time) and the frameworks from their WebJars, each made into
 * a tar.gz ready to publish.
 */
public final class DemoBundles {

  /** The children and libraries, in the order they must be deployed (libraries first). */
  public static final String[] EXAMPLES = {"design-system", "header", "shipping", "profile", "billing"};

  private DemoBundles() {}

  /** An example child, e.g. {@code billing}, as a tar.gz. */
  public static Path example(String name, Path dir) {
    return pack(files("classpath*:pergola/examples/" + name + "/**", "pergola/examples/" + name + "/"), dir.resolve(name + ".tar.gz"));
  }

  /** A framework from its WebJar as a library bundle: one entry module and a manifest. */
  public static Path webJarLibrary(String name, String version, String entryInJar, Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    String entry = entryInJar.substring(entryInJar.lastIndexOf('/') + 1);
    files.put(entry, read("classpath:META-INF/resources/webjars/" + name + "/" + version + "/" + entryInJar));
    files.put(
        "pergola.json",
        ("{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"kind\":\"library\",\"entry\":\""
                + entry + "\",\"description\":\"" + name + " " + version + " from its WebJar, shared by every child\"}")
            .getBytes(StandardCharsets.UTF_8));
    return pack(files, dir.resolve(name + ".tar.gz"));
  }

  private static Map<String, byte[]> files(String pattern, String root) {
    try {
      Map<String, byte[]> files = new TreeMap<>();
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        String url = resource.getURL().toString();
        if (url.endsWith("/") || !resource.isReadable()) {
          continue;
        }
        try (InputStream in = resource.getInputStream()) {
          files.put(url.substring(url.lastIndexOf(root) + root.length()), in.readAllBytes());
        }
      }
      if (files.isEmpty()) {
        throw new IllegalStateException("No demo files at " + pattern + "; is this pergola.jar complete?");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String location) {
    try (InputStream in = new PathMatchingResourcePatternResolver().getResource(location).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Missing " + location, e);
    }
  }

  private static Path pack(Map<String, byte[]> files, Path target) {
    try (OutputStream out = Files.newOutputStream(target);
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
