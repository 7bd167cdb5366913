package io.pergola.core.archive;

import io.pergola.core.manifest.Manifest;
import io.pergola.core.manifest.ManifestParser;
import io.pergola.core.media.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides whether an uploaded archive (zip or tar.gz) is a bundle Pergola will publish, and
 * stages its files for the blob store.
 *
 * <p>One pass over the archive, streaming: every entry's name must be valid UTF-8 and a safe
 * relative path; links, devices and duplicates are refused; the file count, each file's size,
 * the total size and the compression ratio are checked while bytes arrive, so a zip bomb is
 * stopped after at most a buffer past its limit. Accepted files land in {@code stagingDir} named
 * by their SHA-256, with their pre-compressed variants. The manifest {@code pergola.json} at the
 * root must be valid and name an entry file the bundle holds.
 *
 * <p>On any refusal the staging directory is left empty: a refused upload leaves nothing behind.
 */
public final class ArchiveInspector {

  /** The manifest's name at the bundle root. */
  public static final String MANIFEST = "pergola.json";

  private static final long MAX_MANIFEST_BYTES = 256 * 1024;
  /** Below this, a compressed variant's headers eat what compression saves. */
  private static final long MIN_COMPRESSIBLE_BYTES = 256;

  private final ArchiveLimits limits;

  public ArchiveInspector(ArchiveLimits limits) {
    this.limits = limits;
  }

  /**
   * Inspects {@code archive}, staging its files in {@code stagingDir} (which must exist).
   *
   * @throws ArchiveRefusedException when the archive breaks a rule or a limit
   * @throws io.pergola.core.manifest.InvalidManifestException when its manifest is not valid
   */
  public InspectedBundle inspect(Path archive, Path stagingDir) throws IOException {
    StagingArea staging = new StagingArea(stagingDir, limits);
    try {
      return inspect(archive, staging);
    } catch (IOException | RuntimeException e) {
      staging.clear();
      throw e;
    }
  }

  private InspectedBundle inspect(Path archive, StagingArea staging) throws IOException {
    Map<String, StagingArea.Staged> files = new TreeMap<>();
    try (ArchiveReader reader = open(archive)) {
      Set<String> seen = new HashSet<>();
      for (ArchiveItem item = reader.next(); item != null; item = reader.next()) {
        String path = EntryNames.toBundlePath(item.rawName());
        refuseLinksAndSpecialFiles(item.kind(), path);
        if (!seen.add(path)) {
          throw ArchiveRefusedException.atEntry(
              RefusalReason.DUPLICATE_ENTRY,
              path,
              "Entry \"" + path + "\" appears more than once in the archive");
        }
        if (item.kind() == ArchiveItem.Kind.DIRECTORY) {
          continue;
        }
        if (files.size() == limits.maxFiles()) {
          throw ArchiveRefusedException.overLimit(
              RefusalReason.TOO_MANY_FILES,
              path,
              limits.maxFiles(),
              "The bundle has more than the limit of " + limits.maxFiles() + " files");
        }
        try (InputStream content = reader.content()) {
          files.put(path, staging.stage(path, content));
        }
      }
    }
    Manifest manifest = readManifest(files);
    if (!files.containsKey(manifest.entry())) {
      throw ArchiveRefusedException.atEntry(
          RefusalReason.MISSING_ENTRY_FILE,
          manifest.entry(),
          "The manifest's entry \"" + manifest.entry() + "\" is not in the bundle");
    }
    return new InspectedBundle(manifest, describe(files, staging), contentDigest(files));
  }

  private ArchiveReader open(Path archive) throws IOException {
    byte[] magic = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(archive)) {
      n = in.readNBytes(magic, 0, magic.length);
    }
    if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
      return new ZipReader(archive, limits.maxCompressionRatio());
    }
    if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new TarGzReader(archive, limits.maxCompressionRatio());
    }
    throw ArchiveRefusedException.of(
        RefusalReason.NOT_AN_ARCHIVE, "The upload is neither a zip nor a gzip-compressed tar archive");
  }

  private static void refuseLinksAndSpecialFiles(ArchiveItem.Kind kind, String path) {
    switch (kind) {
      case SYMLINK, HARD_LINK ->
          throw ArchiveRefusedException.atEntry(
              RefusalReason.LINK,
              path,
              "Entry \"" + path + "\" is a " + (kind == ArchiveItem.Kind.SYMLINK ? "symbolic" : "hard")
                  + " link; bundles hold plain files only");
      case SPECIAL ->
          throw ArchiveRefusedException.atEntry(
              RefusalReason.SPECIAL_FILE,
              path,
              "Entry \"" + path + "\" is a device, FIFO or other special file; bundles hold plain"
                  + " files only");
      case FILE, DIRECTORY -> {}
    }
  }

  private static Manifest readManifest(Map<String, StagingArea.Staged> files) throws IOException {
    StagingArea.Staged staged = files.get(MANIFEST);
    if (staged == null) {
      throw ArchiveRefusedException.of(
          RefusalReason.MISSING_MANIFEST,
          "The bundle has no " + MANIFEST + " at its root (it names the app, version, kind and"
              + " entry; see schema/pergola-manifest.schema.json)");
    }
    if (staged.size() > MAX_MANIFEST_BYTES) {
      throw ArchiveRefusedException.overLimit(
          RefusalReason.FILE_TOO_LARGE, MANIFEST, MAX_MANIFEST_BYTES, MANIFEST + " is implausibly large");
    }
    return ManifestParser.parse(Files.readAllBytes(staged.path()));
  }

  private static List<BundleFile> describe(Map<String, StagingArea.Staged> files, StagingArea staging)
      throws IOException {
    Precompressor precompressor = new Precompressor(staging);
    List<BundleFile> described = new ArrayList<>();
    for (var file : files.entrySet()) {
      StagingArea.Staged staged = file.getValue();
      String contentType = MediaTypes.forPath(file.getKey());
      boolean compress =
          MediaTypes.isCompressible(contentType) && staged.size() >= MIN_COMPRESSIBLE_BYTES;
      described.add(
          new BundleFile(
              file.getKey(),
              staged.size(),
              staged.sha256(),
              staged.integrity(),
              contentType,
              compress ? precompressor.gzip(staged.path(), staged.size()) : Optional.empty(),
              compress ? precompressor.brotli(staged.path(), staged.size()) : Optional.empty()));
    }
    return described;
  }

  private static String contentDigest(Map<String, StagingArea.Staged> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (path, staged) ->
              digest.update((path + "\0" + staged.sha256() + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
