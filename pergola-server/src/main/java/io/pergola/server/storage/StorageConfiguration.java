package io.pergola.server.storage;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.config.PergolaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the blob store: the local directory under the data directory by default. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  BlobStore blobStore(PergolaProperties properties) {
    return new FilesystemBlobStore(properties.blobDir());
  }
}
