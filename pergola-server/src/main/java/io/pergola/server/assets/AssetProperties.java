package io.pergola.server.assets;

import io.pergola.core.Require;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The asset origin ({@code pergola.assets.*}).
 *
 * @param corsOrigins origins allowed to load assets cross-origin; {@code *} (the default) suits
 *     public immutable files; a list echoes the matching {@code Origin}
 * @param memoryCacheSize bytes of hot files kept in memory
 * @param memoryMaxFileSize files larger than this are streamed from the store, never cached
 * @param indexedVersions versions whose file index is kept in memory
 */
@ConfigurationProperties("pergola.assets")
public record AssetProperties(
    @DefaultValue("*") List<String> corsOrigins,
    @DefaultValue("64MB") DataSize memoryCacheSize,
    @DefaultValue("1MB") DataSize memoryMaxFileSize,
    @DefaultValue("2000") int indexedVersions) {

  public AssetProperties {
    corsOrigins = List.copyOf(corsOrigins);
    Require.argument(!corsOrigins.isEmpty(), "pergola.assets.cors-origins must not be empty");
    Require.argument(
        !memoryCacheSize.isNegative(),
        "pergola.assets.memory-cache-size must not be negative, was %s",
        memoryCacheSize);
    Require.argument(
        !memoryMaxFileSize.isNegative(),
        "pergola.assets.memory-max-file-size must not be negative, was %s",
        memoryMaxFileSize);
    Require.argument(
        indexedVersions > 0, "pergola.assets.indexed-versions must be positive, was %s", indexedVersions);
  }

  boolean anyOrigin() {
    return corsOrigins.contains("*");
  }
}
