package io.pergola.server.login;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP clients the shell calls its identity provider with, all bounded by {@code
 * pergola.login.provider-timeout}. Spring Security's own clients wait for a token endpoint or a
 * user-info endpoint as long as it takes: a provider that accepts a connection and never answers
 * would hold a page, or a person's token request, for good.
 */
final class ProviderHttp {

  private final JdkClientHttpRequestFactory requests;

  ProviderHttp(Duration timeout) {
    requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
    requests.setReadTimeout(timeout);
  }

  /** For token endpoint calls: what Spring Security's token clients use by default, and a timeout. */
  RestClient tokenEndpoint() {
    return RestClient.builder()
        .requestFactory(requests)
        .configureMessageConverters(
            converters ->
                converters
                    .addCustomConverter(new FormHttpMessageConverter())
                    .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build();
  }

  /** For the user-info endpoint: as Spring Security's user service sets its template up. */
  RestTemplate userInfo() {
    RestTemplate template = new RestTemplate(requests);
    template.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
    return template;
  }

  /** For a provider's key set. */
  RestTemplate keys() {
    return new RestTemplate(requests);
  }
}
