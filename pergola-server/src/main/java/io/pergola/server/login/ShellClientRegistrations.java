package io.pergola.server.login;

import io.pergola.server.config.ServerOrigin;
import io.pergola.server.identity.EmbeddedClient;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The shell's one client registration, made on first use rather than at start-up: the embedded
 * provider's endpoints name the port the server bound, and an external provider's discovery
 * document should not have to be reachable for Pergola to start (a failed discovery is retried
 * on the next login).
 */
final class ShellClientRegistrations implements ClientRegistrationRepository {

  static final String ID = "pergola";

  private final LoginProperties login;
  private final ServerOrigin origin;
  private final ObjectProvider<EmbeddedClient> embedded;
  private volatile ClientRegistration registration;

  ShellClientRegistrations(LoginProperties login, ServerOrigin origin, ObjectProvider<EmbeddedClient> embedded) {
    this.login = login;
    this.origin = origin;
    this.embedded = embedded;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return ID.equals(registrationId) ? registration() : null;
  }

  ClientRegistration registration() {
    ClientRegistration current = registration;
    if (current == null) {
      current = login.provider() == LoginProperties.Provider.EMBEDDED ? embedded() : external();
      registration = current;
    }
    return current;
  }

  private ClientRegistration embedded() {
    EmbeddedClient client = embedded.getObject();
    String base = origin.uri().toString();
    return ClientRegistration.withRegistrationId(ID)
        .clientId(client.clientId())
        .clientSecret(client.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(base + LoginProperties.REDIRECT_PATH)
        .scope(login.loginScopes())
        .authorizationUri(base + EmbeddedClient.AUTHORIZE)
        .tokenUri(base + EmbeddedClient.TOKEN)
        .jwkSetUri(base + EmbeddedClient.JWKS)
        .issuerUri(base)
        .userNameAttributeName("sub")
        .providerConfigurationMetadata(Map.of("end_session_endpoint", base + EmbeddedClient.END_SESSION))
        .clientName("Pergola")
        .build();
  }

  private ClientRegistration external() {
    return ClientRegistrations.fromIssuerLocation(login.issuerUri().toString())
        .registrationId(ID)
        .clientId(login.clientId())
        .clientSecret(login.clientSecret())
        .redirectUri(origin.uri() + LoginProperties.REDIRECT_PATH)
        .scope(login.loginScopes())
        .userNameAttributeName("sub")
        .clientName("Pergola")
        .build();
  }

  /** The provider's end-session endpoint (RP-initiated logout), if it has one. */
  String endSessionEndpoint() {
    Object endpoint = registration().getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    return endpoint == null ? null : endpoint.toString();
  }
}
