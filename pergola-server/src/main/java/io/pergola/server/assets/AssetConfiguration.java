package io.pergola.server.assets;

import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.core.storage.BlobStore;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the asset origin in front of every other filter, for {@code /assets/*} only. */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration {

  @Bean
  FilterRegistrationBean<AssetOriginFilter> assetOrigin(
      AssetIndex index,
      AssetBytes bytes,
      BlobStore blobs,
      AssetProperties properties,
      MeterRegistry meters) {
    FilterRegistrationBean<AssetOriginFilter> registration =
        new FilterRegistrationBean<>(new AssetOriginFilter(index, bytes, blobs, properties, meters));
    registration.addUrlPatterns(AssetPath.PREFIX + "*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("pergolaAssetOrigin");
    return registration;
  }
}
