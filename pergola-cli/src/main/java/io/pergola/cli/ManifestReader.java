package io.pergola.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import tools.jackson.databind.JsonNode;

/**
 * Reads the name and version a bundle's {@code pergola.json} declares, from a directory or from a
 * zip or tar.gz, so {@code publish} knows where to upload. The server checks everything else.
 */
final class ManifestReader {

  private static final String MANIFEST = "pergola.json";

  private ManifestReader() {}

  /** Name and version as the manifest says. */
  record Coordinates(String name, String version) {}

  static Coordinates read(Path bundle) throws IOException {
    JsonNode json = manifest(bundle);
    String name = json.path("name").asString(null);
    String version = json.path("version").asString(null);
    if (name == null || version == null) {
      throw new UsageException(MANIFEST + " in " + bundle + " must give \"name\" and \"version\"");
    }
    return new Coordinates(name, version);
  }

  /** The path of the bundle's entry module, as its manifest gives it ({@code "entry"}). */
  static String entry(Path bundle) throws IOException {
    String entry = manifest(bundle).path("entry").asString(null);
    if (entry == null) {
      throw new UsageException(MANIFEST + " in " + bundle + " must give \"entry\", the path of the child's module");
    }
    return entry;
  }

  private static JsonNode manifest(Path bundle) throws IOException {
    byte[] manifest;
    if (Files.isDirectory(bundle)) {
      Path file = bundle.resolve(MANIFEST);
      if (!Files.isRegularFile(file)) {
        throw new UsageException(bundle + " has no " + MANIFEST + "; a bundle needs one at its root");
      }
      manifest = Files.readAllBytes(file);
    } else if (isZip(bundle)) {
      manifest = fromZip(bundle);
    } else {
      manifest = fromTarGz(bundle);
    }
    try {
      return PergolaClient.JSON.readTree(manifest);
    } catch (tools.jackson.core.JacksonException e) {
      throw new UsageException(MANIFEST + " in " + bundle + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(2);
      return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
    }
  }

  private static byte[] fromZip(Path file) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      ZipArchiveEntry entry = zip.getEntry(MANIFEST);
      if (entry == null) {
        throw new UsageException(file + " has no " + MANIFEST + " at its root");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }

  private static byte[] fromTarGz(Path file) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().equals(MANIFEST) || entry.getName().equals("./" + MANIFEST)) {
          return tar.readAllBytes();
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new UsageException(file + " is neither a directory, a zip nor a tar.gz");
    }
    throw new UsageException(file + " has no " + MANIFEST + " at its root");
  }
}
