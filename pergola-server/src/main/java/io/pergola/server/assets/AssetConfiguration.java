package io.pergola.server.assets;

import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.core.storage.BlobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the asset origin in Tomcat's engine, ahead of the servlet context, for {@code /assets/*}. */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration {

  @Bean
  AssetOrigin assetOrigin(
      AssetIndex index,
      AssetBytes bytes,
      BlobStore blobs,
      AssetProperties properties,
      MeterRegistry meters) {
    return new AssetOrigin(index, bytes, blobs, properties, meters);
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> assetOriginValve(ObjectProvider<AssetOrigin> origin) {
    return factory -> factory.addEngineValves(new AssetOriginValve(origin));
  }
}
