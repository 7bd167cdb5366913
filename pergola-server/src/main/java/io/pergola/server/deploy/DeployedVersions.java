package io.pergola.server.deploy;

import io.pergola.core.NotFoundException;
import io.pergola.core.deploy.ImportMapBuilder;
import io.pergola.core.deploy.LibraryContracts;
import io.pergola.core.manifest.AppName;
import io.pergola.core.manifest.Manifest;
import io.pergola.core.manifest.ManifestParser;
import io.pergola.core.semver.SemVer;
import io.pergola.server.registry.PublishedVersion;
import io.pergola.server.registry.Versions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What environments need of published versions (manifest, module files), read once per version
 * and kept: a published version never changes, so this cache is never stale.
 */
@Component
public class DeployedVersions {

  /** A published version as deploys, import maps and the shell see it. */
  public record VersionInfo(Manifest manifest, ImportMapBuilder.PublishedModules modules) {}

  private final Versions versions;
  private final Map<String, VersionInfo> cache = new ConcurrentHashMap<>();

  DeployedVersions(Versions versions) {
    this.versions = versions;
  }

  /** The version's facts; 404 when it is not published (or its publish has not committed yet). */
  public VersionInfo get(AppName app, SemVer version) {
    String key = app.value() + '\0' + version;
    VersionInfo info = cache.get(key);
    if (info != null) {
      return info;
    }
    PublishedVersion published =
        versions
            .find(app.value(), version.toString())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        app + " " + version + " is not published (or its publish has not finished);"
                            + " publish it first, then deploy it"));
    info = new VersionInfo(
        ManifestParser.parse(published.manifest().getBytes(StandardCharsets.UTF_8)),
        new ImportMapBuilder.PublishedModules(published.entry(), modules(published.files())));
    cache.put(key, info);
    return info;
  }

  /** The version's withdrawal, if it is withdrawn: read each time, as a withdrawal comes and goes. */
  Optional<Versions.Withdrawal> withdrawal(AppName app, SemVer version) {
    return versions.withdrawal(app.value(), version.toString());
  }

  LibraryContracts.Declared declared(AppName app, SemVer version) {
    Manifest manifest = get(app, version).manifest();
    return new LibraryContracts.Declared(manifest.kind(), manifest.requires());
  }

  private static List<ImportMapBuilder.ModuleFile> modules(List<PublishedVersion.VersionFile> files) {
    return files.stream()
        .filter(file -> file.contentType().startsWith("text/javascript"))
        .map(file -> new ImportMapBuilder.ModuleFile(file.path(), file.integrity()))
        .toList();
  }
}
