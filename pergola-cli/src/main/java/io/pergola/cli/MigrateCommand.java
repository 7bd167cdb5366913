package io.pergola.cli;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.migration.InstallationMigrator;
import io.pergola.server.storage.FilesystemBlobStore;
import io.pergola.server.storage.S3BlobStore;
import io.pergola.server.storage.StorageProperties;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pergola migrate}: moves an embedded installation to PostgreSQL and S3 (or a directory). */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Moves an embedded installation to another database and blob store, losing nothing.",
      "Copies H2 and the blob directory under --data to, e.g., PostgreSQL and S3. Stop the server"
          + " first. The target database must be empty; the target bucket must exist. Safe to run"
          + " again after an interruption."
    },
    footer = {
      "",
      "Example:",
      "  pergola migrate --data pergola-data --to-url jdbc:postgresql://db:5432/pergola \\",
      "      --to-user pergola --to-s3-bucket pergola-assets --to-s3-region eu-west-1",
      "Then start the nodes with spring.datasource.* and pergola.storage.* set to the same places."
    })
final class MigrateCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "pergola-data", description = "The embedded installation (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--to-url", required = true, paramLabel = "JDBC_URL", description = "The target database.")
  String url;

  @Option(names = "--to-user", paramLabel = "USER", description = "Its user.")
  String user;

  @Option(names = "--to-password", paramLabel = "PASSWORD", description = "Its password (or env PERGOLA_TO_PASSWORD).")
  String password;

  @Option(names = "--to-s3-bucket", paramLabel = "BUCKET", description = "Target S3 bucket (credentials from the AWS SDK chain).")
  String bucket;

  @Option(names = "--to-s3-prefix", paramLabel = "PREFIX", defaultValue = "", description = "Key prefix in the bucket.")
  String prefix;

  @Option(names = "--to-s3-region", paramLabel = "REGION", defaultValue = "us-east-1", description = "Bucket region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--to-s3-endpoint", paramLabel = "URL", description = "Endpoint of a non-AWS S3-compatible store.")
  URI endpoint;

  @Option(names = "--to-s3-path-style", description = "Path-style S3 access (most non-AWS stores).")
  boolean pathStyle;

  @Option(names = "--to-blob-dir", paramLabel = "DIR", description = "A blob directory instead of S3.")
  Path blobDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((bucket == null) == (blobDir == null)) {
      throw new UsageException("Give the target blob store: --to-s3-bucket or --to-blob-dir");
    }
    Path data = dataDir.toAbsolutePath().normalize();
    DriverManagerDataSource source =
        new DriverManagerDataSource(
            "jdbc:h2:file:" + data.resolve("db/pergola") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "pergola",
            "");
    String secret = password != null ? password : System.getenv("PERGOLA_TO_PASSWORD");
    DriverManagerDataSource target = new DriverManagerDataSource(url, user, secret);
    BlobStore targetBlobs =
        bucket != null
            ? S3BlobStore.connect(new StorageProperties.S3(bucket, prefix, region, endpoint, pathStyle))
            : new FilesystemBlobStore(blobDir);
    var out = spec.commandLine().getOut();
    InstallationMigrator.Report report =
        InstallationMigrator.migrate(
            source, new FilesystemBlobStore(data.resolve("blobs")), target, targetBlobs,
            line -> {
              out.println(line);
              out.flush();
            });
    out.println("Moved " + report.blobs() + " blobs and " + report.rows().values().stream().mapToLong(Long::longValue).sum()
        + " rows; counts checked. Start Pergola on the new database and store.");
    out.flush();
    return ExitCodes.OK;
  }
}
