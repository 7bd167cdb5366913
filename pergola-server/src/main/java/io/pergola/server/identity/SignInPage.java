package io.pergola.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import io.pergola.server.web.FormPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The embedded provider's sign-in form. It posts to Spring Security's form login. */
@RestController
@Conditional(ProviderCondition.class)
class SignInPage {

  @GetMapping(path = EmbeddedProviderConfiguration.SIGN_IN, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> signIn(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    boolean failed = request.getParameter("error") != null;
    boolean loggedOut = request.getParameter("logout") != null;
    String throttled = request.getParameter(SignInThrottleFilter.THROTTLED);
    String style = FormPages.CENTRED
        + "form { width: 18rem; display: grid; gap: .75rem; }\nlabel { display: grid; gap: .25rem; }\n";
    String form =
        """
        <form class="card" method="post" action="%s">
          <h1>Sign in</h1>
          %s
          <label>Username <input name="username" autocomplete="username" required autofocus></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <input type="hidden" name="%s" value="%s">
          <button type="submit">Sign in</button>
        </form>
        """
            .formatted(
                EmbeddedProviderConfiguration.SIGN_IN,
                throttled != null
                    ? "<p class=\"error\" role=\"alert\">Too many wrong passwords in a row for this username: try again"
                        + " in " + wait(throttled) + ".</p>"
                    : failed
                        ? "<p class=\"error\" role=\"alert\">Wrong username or password.</p>"
                        : loggedOut ? "<p>You are signed out.</p>" : "",
                HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    return FormPages.page(HttpStatus.OK, "Sign in", style, form);
  }

  /** "30 seconds", "2 minutes": the wait the throttle named, as a person reads it. */
  private static String wait(String seconds) {
    long left;
    try {
      left = Math.max(1, Long.parseLong(seconds));
    } catch (NumberFormatException notSeconds) {
      return "a few minutes";
    }
    if (left < 90) {
      return left + (left == 1 ? " second" : " seconds");
    }
    long minutes = (left + 59) / 60;
    return minutes + " minutes";
  }
}
