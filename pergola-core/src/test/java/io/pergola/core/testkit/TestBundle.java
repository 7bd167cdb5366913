package io.pergola.core.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Builds bundle archives for tests, including the hostile ones: links, devices, duplicates,
 * escaping paths and names that are not UTF-8. Names are written byte for byte as given (a name
 * with chars from U+0080 to U+00FF becomes those single bytes, i.e. invalid UTF-8).
 *
 * <pre>{@code
 * byte[] zip = TestBundle.module("billing", "1.0.0").file("index.js", "export ...").zip();
 * }</pre>
 */
public final class TestBundle {

  private enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARD_LINK,
    DEVICE,
    FIFO
  }

  private record Entry(String name, Type type, byte[] content, String link) {}

  private final List<Entry> entries = new ArrayList<>();

  private TestBundle() {}

  /** An empty archive: no manifest, no files. */
  public static TestBundle empty() {
    return new TestBundle();
  }

  /** A bundle with a module manifest for {@code name@version}, entry {@code index.js}. */
  public static TestBundle module(String name, String version) {
    return empty()
        .manifest(
            "{\"name\":\""
                + name
                + "\",\"version\":\""
                + version
                + "\",\"kind\":\"module\",\"entry\":\"index.js\"}");
  }

  /** A valid module bundle with an entry file. */
  public static TestBundle validModule(String name, String version) {
    return module(name, version)
        .file("index.js", "export function mount(el) { el.textContent = '" + name + "'; }\n");
  }

  public TestBundle manifest(String json) {
    return file("pergola.json", json);
  }

  public TestBundle file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public TestBundle file(String name, byte[] content) {
    entries.add(new Entry(name, Type.FILE, content, null));
    return this;
  }

  public TestBundle directory(String name) {
    entries.add(new Entry(name.endsWith("/") ? name : name + "/", Type.DIRECTORY, new byte[0], null));
    return this;
  }

  public TestBundle symlink(String name, String target) {
    entries.add(new Entry(name, Type.SYMLINK, new byte[0], target));
    return this;
  }

  /** Tar only: zip has no hard links. */
  public TestBundle hardLink(String name, String target) {
    entries.add(new Entry(name, Type.HARD_LINK, new byte[0], target));
    return this;
  }

  public TestBundle device(String name) {
    entries.add(new Entry(name, Type.DEVICE, new byte[0], null));
    return this;
  }

  public TestBundle fifo(String name) {
    entries.add(new Entry(name, Type.FIFO, new byte[0], null));
    return this;
  }

  /** The bundle as a zip archive. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.setEncoding("ISO-8859-1");
      zip.setUseLanguageEncodingFlag(false);
      for (Entry entry : entries) {
        ZipArchiveEntry zipEntry = new VerbatimZipEntry(entry.name());
        byte[] content = entry.content();
        switch (entry.type()) {
          case SYMLINK -> {
            zipEntry.setUnixMode(0120777);
            content = entry.link().getBytes(StandardCharsets.UTF_8);
          }
          case DEVICE -> zipEntry.setUnixMode(0020644);
          case FIFO -> zipEntry.setUnixMode(0010644);
          case DIRECTORY -> zipEntry.setUnixMode(0040755);
          case FILE -> zipEntry.setUnixMode(0100644);
          case HARD_LINK -> throw new IllegalStateException("zip has no hard links");
        }
        zip.putArchiveEntry(zipEntry);
        zip.write(content);
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Keeps a name exactly as given (commons-compress turns backslashes into slashes). */
  private static final class VerbatimZipEntry extends ZipArchiveEntry {
    private final String verbatim;

    VerbatimZipEntry(String name) {
      super(name);
      this.verbatim = name;
    }

    @Override
    public String getName() {
      return verbatim;
    }

    @Override
    public boolean isDirectory() {
      return verbatim.endsWith("/");
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** The bundle as a gzip-compressed tar archive. */
  public byte[] tarGz() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "ISO-8859-1")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      for (Entry entry : entries) {
        TarArchiveEntry tarEntry =
            switch (entry.type()) {
              case FILE -> new TarArchiveEntry(entry.name(), true);
              case DIRECTORY -> new TarArchiveEntry(entry.name(), TarConstants.LF_DIR, true);
              case SYMLINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK, true);
              case HARD_LINK -> new TarArchiveEntry(entry.name(), TarConstants.LF_LINK, true);
              case DEVICE -> new TarArchiveEntry(entry.name(), TarConstants.LF_CHR, true);
              case FIFO -> new TarArchiveEntry(entry.name(), TarConstants.LF_FIFO, true);
            };
        if (entry.link() != null) {
          tarEntry.setLinkName(entry.link());
        }
        tarEntry.setSize(entry.type() == Type.FILE ? entry.content().length : 0);
        tar.putArchiveEntry(tarEntry);
        if (entry.type() == Type.FILE) {
          tar.write(entry.content());
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
