package io.pergola.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link SignInThrottle} in front of the sign-in form's post: a locked username is sent back
 * to the form, which says for how long, before its password is even looked at; the form login's
 * outcomes are counted through {@link #counting}.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  /** The sign-in page's parameter for a refused attempt: seconds until the username may try. */
  static final String THROTTLED = "throttled";

  private static final Logger log = LoggerFactory.getLogger(SignInThrottleFilter.class);

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())
        || !EmbeddedProviderConfiguration.SIGN_IN.equals(request.getServletPath())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Duration> locked = throttle.lockedFor(request.getParameter("username"));
    if (locked.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    sendBack(response, locked.get());
  }

  /** The form login's handlers, counting each outcome before {@code success} or {@code failure} answers. */
  Handlers counting(AuthenticationSuccessHandler success, AuthenticationFailureHandler failure) {
    return new Handlers(
        (request, response, authentication) -> {
          throttle.succeeded(authentication.getName());
          success.onAuthenticationSuccess(request, response, authentication);
        },
        (request, response, exception) -> {
          String username = request.getParameter("username");
          Optional<Duration> locked = throttle.failed(username);
          if (locked.isEmpty()) {
            failure.onAuthenticationFailure(request, response, exception);
            return;
          }
          // Not the username: people type their password into that field too.
          log.warn("A username's sign-ins are refused for {} s: too many wrong passwords in a row", locked.get().toSeconds());
          sendBack(response, locked.get());
        });
  }

  /** Success and failure handlers for the form login. */
  record Handlers(AuthenticationSuccessHandler success, AuthenticationFailureHandler failure) {}

  private static void sendBack(HttpServletResponse response, Duration locked) {
    long seconds = Math.max(1, locked.toSeconds() + (locked.toNanosPart() > 0 ? 1 : 0));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", EmbeddedProviderConfiguration.SIGN_IN + "?" + THROTTLED + "=" + seconds);
  }
}
