package io.pergola.server.login;

import io.pergola.server.web.NoticePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What a person sees when the provider sent them back but the sign-in could not be completed: what
 * went wrong, in words, and a link to try again. Never a redirect: sending them back to the
 * provider, as Spring does by default, signs a person who has a session there straight back in,
 * round and round until the browser gives up. The saved deep link stays in the session, so trying
 * again still lands there.
 */
final class SignInFailurePage implements AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SignInFailurePage.class);

  /** The page for one failure: its status and what it tells the person. */
  record Failure(HttpStatus status, String explanation, String code) {}

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
    Failure failure = failure(exception);
    log.info("A sign-in failed ({}): {}", failure.code(), exception.getMessage());
    NoticePage.send(
        response,
        failure.status(),
        "Sign-in did not complete",
        failure.explanation(),
        new NoticePage.Way("Try again", SignInEntryPoint.AUTHORIZATION_PATH),
        failure.code());
  }

  /** Sorts a failure by whose it is: the link's, the person's at the provider, or the provider's. */
  static Failure failure(AuthenticationException exception) {
    OAuth2Error error =
        exception instanceof OAuth2AuthenticationException oauth
            ? oauth.getError()
            : new OAuth2Error("sign_in_failed"); // its message is for the log, not for the person
    String code = error.getErrorCode();
    return switch (code) {
      case "authorization_request_not_found" ->
          new Failure(
              HttpStatus.BAD_REQUEST,
              "This sign-in was started in another tab or an earlier visit, or took too long.",
              code);
      case "access_denied" ->
          new Failure(HttpStatus.FORBIDDEN, "The sign-in provider did not let you in" + description(error) + ".", code);
      case "invalid_token_response" ->
          new Failure(
              HttpStatus.BAD_GATEWAY,
              "This server could not complete the sign-in with the sign-in provider: it did not answer, or not"
                  + " as it should. Trying again in a moment may work; if it keeps failing, tell whoever runs"
                  + " this site.",
              code);
      default ->
          new Failure(
              HttpStatus.UNAUTHORIZED,
              "The sign-in provider did not accept this sign-in" + description(error) + ".",
              code);
    };
  }

  private static String description(OAuth2Error error) {
    String description = error.getDescription();
    return description == null || description.isBlank() ? "" : ": " + description;
  }
}
