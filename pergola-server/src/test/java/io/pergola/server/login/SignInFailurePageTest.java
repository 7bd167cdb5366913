package io.pergola.server.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Which failed sign-ins are whose, and what the page tells the person about each. */
class SignInFailurePageTest {

  @Test
  void aProviderThisServerCannotReachIsABadGatewayAndSaysTryingAgainMayWork() {
    SignInFailurePage.Failure failure =
        SignInFailurePage.failure(
            new OAuth2AuthenticationException(
                new OAuth2Error("invalid_token_response", "I/O error on POST request for \"http://10.0.0.7/token\"", null)));

    assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
    assertThat(failure.explanation()).contains("Trying again in a moment may work").doesNotContain("10.0.0.7");
  }

  @Test
  void aPersonTheProviderTurnedAwayIsForbiddenWithTheProvidersReason() {
    SignInFailurePage.Failure failure =
        SignInFailurePage.failure(
            new OAuth2AuthenticationException(new OAuth2Error("access_denied", "Consent was not given", null)));

    assertThat(failure.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(failure.explanation()).isEqualTo("The sign-in provider did not let you in: Consent was not given.");
  }

  @Test
  void anInternalFailureSaysNothingOfItsMessage() {
    SignInFailurePage.Failure failure =
        SignInFailurePage.failure(new InternalAuthenticationServiceException("jdbc:postgresql://db.internal refused"));

    assertThat(failure.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(failure.code()).isEqualTo("sign_in_failed");
    assertThat(failure.explanation()).doesNotContain("db.internal");
  }
}
