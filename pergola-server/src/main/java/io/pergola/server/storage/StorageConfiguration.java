package io.pergola.server.storage;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.config.PergolaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Chooses the blob store from {@code pergola.storage.type}: a directory under the data directory
 * by default, or an S3-compatible bucket.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  BlobStore blobStore(StorageProperties storage, PergolaProperties properties) {
    return switch (storage.type()) {
      case FILESYSTEM -> new FilesystemBlobStore(properties.blobDir());
      case S3 -> new S3BlobStore(s3Client(storage.s3()), storage.s3().bucket(), storage.s3().prefix());
    };
  }

  private static S3Client s3Client(StorageProperties.S3 s3) {
    S3ClientBuilder builder =
        S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
    if (s3.endpoint() != null) {
      builder.endpointOverride(s3.endpoint());
    }
    return builder.build();
  }
}
