package io.pergola.server.auth;

import io.pergola.server.config.PergolaProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can administer a new installation: accepts {@code PERGOLA_ADMIN_TOKEN} when
 * given, otherwise creates an admin token on first start and writes it to {@code
 * <data-dir>/admin-token}, readable only by its owner, and says where.
 */
@Component
@Order(0)
class AdminTokenBootstrap implements ApplicationRunner {

  /** The file a generated admin token is written to, under the data directory. */
  static final String TOKEN_FILE = "admin-token";

  private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

  private final ApiTokens tokens;
  private final PergolaProperties properties;

  AdminTokenBootstrap(ApiTokens tokens, PergolaProperties properties) {
    this.tokens = tokens;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (properties.adminToken() != null) {
      tokens.ensureAdmin(properties.adminToken(), "PERGOLA_ADMIN_TOKEN");
      log.info("Admin token: accepted from PERGOLA_ADMIN_TOKEN (pergola.admin-token)");
      return;
    }
    Path file = properties.dataDir().resolve(TOKEN_FILE);
    if (tokens.anyAdmin()) {
      log.info("Admin token: see {} (written on first start)", file);
      return;
    }
    ApiTokens.IssuedToken issued = tokens.issue(null, "first start");
    writeOwnerOnly(file, issued.token());
    log.info("Admin token created and written to {} (readable only by its owner)", file);
  }

  private static void writeOwnerOnly(Path file, String token) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(
        file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }
}
