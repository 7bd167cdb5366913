package io.pergola.server.config;

import io.pergola.core.Require;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code pergola.*} that the whole server shares. Feature-specific settings live
 * beside their feature ({@code pergola.registry.*}, {@code pergola.assets.*}, ...).
 *
 * @param dataDir where the embedded database, the blob directory and the generated admin token
 *     live ({@code pergola.data-dir}, default {@code ./pergola-data})
 * @param adminToken an admin API token to accept, typically from the environment variable
 *     {@code PERGOLA_ADMIN_TOKEN}; when empty, one is generated on first start
 * @param publicUrl the URL people and browsers reach this server at, for links in responses;
 *     empty means "derive from the request"
 */
@ConfigurationProperties("pergola")
public record PergolaProperties(
    @DefaultValue("./pergola-data") Path dataDir, String adminToken, URI publicUrl) {

  /** Admin tokens shorter than this are refused at start-up: they could be guessed. */
  public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  public PergolaProperties {
    dataDir = dataDir.toAbsolutePath().normalize();
    adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
    Require.argument(
        adminToken == null || adminToken.length() >= MIN_ADMIN_TOKEN_LENGTH,
        "pergola.admin-token (PERGOLA_ADMIN_TOKEN) must be at least %d characters, it has %d",
        MIN_ADMIN_TOKEN_LENGTH,
        adminToken == null ? 0 : adminToken.length());
  }

  /** The blob directory of the embedded file store. */
  public Path blobDir() {
    return dataDir.resolve("blobs");
  }

  /** A scratch directory on the same file system as the blobs, so moves stay cheap. */
  public Path workDir() {
    return dataDir.resolve("work");
  }
}
