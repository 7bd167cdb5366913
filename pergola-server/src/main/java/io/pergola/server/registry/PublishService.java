package io.pergola.server.registry;

import io.pergola.core.ConflictException;
import io.pergola.core.archive.ArchiveInspector;
import io.pergola.core.archive.BundleFile;
import io.pergola.core.archive.InspectedBundle;
import io.pergola.core.manifest.AppName;
import io.pergola.core.manifest.Manifest;
import io.pergola.core.semver.SemVer;
import io.pergola.core.storage.BlobStore;
import io.pergola.server.auth.Caller;
import io.pergola.server.config.PergolaProperties;
import io.pergola.server.system.DatabaseTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Publishes a version: spool the upload, inspect it into a private staging directory, refuse or
 * recognise an identical republish, move the files into the blob store, and only then insert the
 * version's rows in one transaction. A refusal at any step leaves the registry as it was: the
 * staging directory and the spooled upload are deleted, and nothing reached the store or the
 * database. A crash between the blob store and the commit leaves unreferenced blobs only, which
 * {@link OrphanSweeper} removes.
 */
@Service
public class PublishService {

  private static final Logger log = LoggerFactory.getLogger(PublishService.class);

  private final Apps apps;
  private final Versions versions;
  private final BlobStore blobs;
  private final ArchiveInspector inspector;
  private final RegistryProperties limits;
  private final Path workDir;
  private final ApplicationEventPublisher events;

  PublishService(
      Apps apps,
      Versions versions,
      BlobStore blobs,
      RegistryProperties limits,
      PergolaProperties properties,
      ApplicationEventPublisher events) {
    this.apps = apps;
    this.versions = versions;
    this.blobs = blobs;
    this.inspector = new ArchiveInspector(limits.archiveLimits());
    this.limits = limits;
    this.workDir = properties.workDir();
    this.events = events;
  }

  /** What a publish did: stored a new version, or found the identical one already there. */
  public record Outcome(PublishedVersion version, boolean created) {}

  /** Publishes the archive in {@code body} as {@code app@version} on behalf of {@code caller}. */
  public Outcome publish(Caller caller, String app, String version, InputStream body)
      throws IOException {
    AppName name = AppName.of(app);
    SemVer semVer = SemVer.parse(version);
    Apps.App registered = apps.require(name.value());
    caller.requireMayActFor(registered.team(), "publish " + app);

    Files.createDirectories(workDir);
    Path upload = UploadSpool.spool(body, workDir, limits.maxUploadSize().toBytes());
    Path staging = Files.createTempDirectory(workDir, "staging-");
    try {
      InspectedBundle bundle = inspector.inspect(upload, staging);
      requireManifestMatches(bundle.manifest(), name, semVer);
      Optional<Outcome> existing = sameAsPublished(app, version, bundle);
      if (existing.isPresent()) {
        return existing.get();
      }
      storeBlobs(bundle, staging);
      PublishedVersion published = toVersion(bundle, caller);
      try {
        versions.insert(published);
      } catch (DuplicateKeyException raced) {
        return sameAsPublished(app, version, bundle).orElseThrow();
      }
      events.publishEvent(new VersionPublished(app, version));
      log.atInfo()
          .addKeyValue("pergola.app", app)
          .addKeyValue("pergola.version", version)
          .addKeyValue("pergola.files", published.fileCount())
          .addKeyValue("pergola.bytes", published.totalBytes())
          .addKeyValue("pergola.digest", published.contentDigest())
          .addKeyValue("pergola.actor", caller.id())
          .log("Published {} {}: {} files, {} bytes, by {}", app, version, published.fileCount(), published.totalBytes(), caller.id());
      return new Outcome(published, true);
    } finally {
      Files.deleteIfExists(upload);
      deleteRecursively(staging);
    }
  }

  private static void requireManifestMatches(Manifest manifest, AppName app, SemVer version) {
    if (!manifest.name().equals(app) || !manifest.version().toString().equals(version.toString())) {
      throw new ManifestMismatchException(
          "The URL publishes "
              + app
              + " "
              + version
              + " but the bundle's pergola.json says "
              + manifest.name()
              + " "
              + manifest.version()
              + "; they must match");
    }
  }

  /** The stored version when identical, a 409 when different, empty when not published yet. */
  private Optional<Outcome> sameAsPublished(String app, String version, InspectedBundle bundle) {
    return versions
        .find(app, version)
        .map(
            stored -> {
              if (!stored.contentDigest().equals(bundle.contentDigest())) {
                throw new ConflictException(
                    app
                        + " "
                        + version
                        + " is already published with different content, and versions are"
                        + " immutable; publish this as a new version");
              }
              return new Outcome(stored, false);
            });
  }

  private void storeBlobs(InspectedBundle bundle, Path staging) throws IOException {
    for (BundleFile file : bundle.files()) {
      blobs.put(file.sha256(), staging.resolve(file.sha256()));
      for (BundleFile.Variant variant : Stream.concat(file.gzip().stream(), file.brotli().stream()).toList()) {
        blobs.put(variant.sha256(), staging.resolve(variant.sha256()));
      }
    }
  }

  private static PublishedVersion toVersion(InspectedBundle bundle, Caller caller) {
    Manifest manifest = bundle.manifest();
    List<PublishedVersion.VersionFile> files =
        bundle.files().stream()
            .map(
                file ->
                    new PublishedVersion.VersionFile(
                        file.path(),
                        file.size(),
                        file.sha256(),
                        file.integrity(),
                        file.contentType(),
                        file.gzip().map(BundleFile.Variant::sha256).orElse(null),
                        file.gzip().map(BundleFile.Variant::size).orElse(null),
                        file.brotli().map(BundleFile.Variant::sha256).orElse(null),
                        file.brotli().map(BundleFile.Variant::size).orElse(null)))
            .toList();
    return new PublishedVersion(
        manifest.name().value(),
        manifest.version().toString(),
        manifest.kind().id(),
        manifest.entry(),
        manifest.json(),
        bundle.contentDigest(),
        files.size(),
        bundle.totalBytes(),
        DatabaseTime.now(),
        caller.id(),
        files);
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
