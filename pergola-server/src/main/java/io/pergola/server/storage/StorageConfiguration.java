package io.pergola.server.storage;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.config.PergolaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
      case S3 -> S3BlobStore.connect(storage.s3());
    };
  }
}
