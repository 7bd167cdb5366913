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
                failed
                    ? "<p class=\"error\" role=\"alert\">Wrong username or password.</p>"
                    : loggedOut ? "<p>You are signed out.</p>" : "",
                HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    return FormPages.page(HttpStatus.OK, "Sign in", style, form);
  }
}
