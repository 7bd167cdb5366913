package io.pergola.server.storage;

import io.pergola.core.Require;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where bundle files live ({@code pergola.storage.*}).
 *
 * @param type {@code filesystem} (default: a directory under the data directory) or {@code s3}
 * @param s3 the S3-compatible store, used when {@code type} is {@code s3}
 */
@ConfigurationProperties("pergola.storage")
public record StorageProperties(@DefaultValue("filesystem") Type type, S3 s3) {

  /** The kinds of blob store. */
  public enum Type {
    FILESYSTEM,
    S3
  }

  public StorageProperties {
    Require.argument(
        type != Type.S3 || (s3 != null && s3.bucket() != null && !s3.bucket().isBlank()),
        "pergola.storage.type is %s but pergola.storage.s3.bucket is not set",
        type);
  }

  /**
   * An S3-compatible store (AWS S3, MinIO, Ceph, S3Proxy, ...). Credentials come from the AWS SDK's
   * standard chain (environment, system properties, profile files, instance roles).
   *
   * @param bucket the bucket, which must exist
   * @param prefix a key prefix, so one bucket can hold several installations ({@code pergola/})
   * @param region the region ({@code us-east-1} when the store does not care)
   * @param endpoint the endpoint for stores other than AWS ({@code http://127.0.0.1:9000})
   * @param pathStyle path-style access ({@code endpoint/bucket/key}), which most non-AWS stores need
   */
  public record S3(
      String bucket,
      @DefaultValue("") String prefix,
      @DefaultValue("us-east-1") String region,
      URI endpoint,
      @DefaultValue("false") boolean pathStyle) {}
}
