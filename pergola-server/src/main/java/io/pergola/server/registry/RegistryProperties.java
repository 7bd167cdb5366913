package io.pergola.server.registry;

import io.pergola.core.Require;
import io.pergola.core.archive.ArchiveLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and housekeeping of the registry ({@code pergola.registry.*}).
 *
 * @param maxFiles files in one bundle
 * @param maxFileSize one file, inflated
 * @param maxTotalSize all files of one bundle, inflated
 * @param maxCompressionRatio inflated per compressed bytes beyond which an archive counts as a
 *     zip bomb
 * @param maxUploadSize the uploaded archive itself, as sent
 * @param orphanGrace how old an unreferenced blob must be before the sweeper deletes it; longer
 *     than any publish takes
 * @param sweepInterval how often the orphan sweeper runs (it also runs at start-up)
 */
@ConfigurationProperties("pergola.registry")
public record RegistryProperties(
    @DefaultValue("10000") int maxFiles,
    @DefaultValue("25MB") DataSize maxFileSize,
    @DefaultValue("200MB") DataSize maxTotalSize,
    @DefaultValue("100") int maxCompressionRatio,
    @DefaultValue("250MB") DataSize maxUploadSize,
    @DefaultValue("1h") Duration orphanGrace,
    @DefaultValue("1h") Duration sweepInterval) {

  public RegistryProperties {
    Require.argument(maxFiles > 0, "pergola.registry.max-files must be positive, was %s", maxFiles);
    Require.argument(
        maxFileSize.toBytes() > 0, "pergola.registry.max-file-size must be positive, was %s", maxFileSize);
    Require.argument(
        maxTotalSize.toBytes() > 0, "pergola.registry.max-total-size must be positive, was %s", maxTotalSize);
    Require.argument(
        maxCompressionRatio > 1,
        "pergola.registry.max-compression-ratio must be above 1, was %s",
        maxCompressionRatio);
    Require.argument(
        maxUploadSize.toBytes() > 0, "pergola.registry.max-upload-size must be positive, was %s", maxUploadSize);
    Require.argument(
        !orphanGrace.isNegative(), "pergola.registry.orphan-grace must not be negative, was %s", orphanGrace);
    Require.argument(
        sweepInterval.isPositive(), "pergola.registry.sweep-interval must be positive, was %s", sweepInterval);
  }

  ArchiveLimits archiveLimits() {
    return new ArchiveLimits(
        maxFiles, maxFileSize.toBytes(), maxTotalSize.toBytes(), maxCompressionRatio);
  }
}
