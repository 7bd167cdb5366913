package io.pergola.server.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Shell paths open without a login: {@code pergola.login.public-routes} ({@code /help} matches
 * {@code /help} and {@code /help/**}, {@code /} only the root) and the pieces every page needs
 * before anyone signs in (the runtime, assets, the login's own redirects). The shell's other
 * pages of its own, such as the dev overrides form, are behind the sign-in like its routes.
 */
final class PublicRoutes implements RequestMatcher {

  private static final List<String> ALWAYS =
      List.of("/pergola/runtime/", "/assets/", "/login/oauth2/", "/oauth2/authorization/", "/error", "/favicon.ico");

  private final List<String> routes;

  PublicRoutes(List<String> routes) {
    this.routes = routes;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    String path = request.getRequestURI();
    for (String prefix : ALWAYS) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    for (String route : routes) {
      if (route.equals("/") ? path.equals("/") : path.equals(route) || path.startsWith(route.endsWith("/") ? route : route + "/")) {
        return true;
      }
    }
    return false;
  }
}
