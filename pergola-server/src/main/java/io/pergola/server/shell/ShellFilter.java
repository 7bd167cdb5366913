package io.pergola.server.shell;

import io.pergola.server.deploy.CurrentRevisions;
import io.pergola.server.deploy.RevisionSnapshot;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the shell: the page for {@code /} and every path that is not one of the server's own
 * (deep links, and unknown paths, which get the page with status 404 and the runtime's not-found
 * view). The runtime's files are {@link RuntimeFilesFilter}'s.
 *
 * <p>A servlet filter rather than a Spring MVC controller because every page view passes here.
 * It runs after the security filters, so the login issue can protect routes. Each page is built
 * from one revision snapshot taken once per request; each response gets a fresh CSP nonce. A page
 * showing children with server-rendered fragments streams out, the fragments put in as they come
 * ({@link FragmentedPage}); any other page goes out whole, with its length.
 */
final class ShellFilter extends OncePerRequestFilter {

  /** Paths that belong to the server, never to the shell. */
  private static final List<String> RESERVED =
      List.of(
          "/api/", "/assets/", "/actuator", "/health", "/v3/", "/auth/", "/login", "/logout",
          "/oauth2/", "/idp/", "/demo-api/", "/error", "/favicon.ico", "/pergola/");

  static final String SUBJECT_COOKIE = "pergola_subject";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ShellPage page;
  private final CurrentRevisions revisions;
  private final ShellProperties properties;
  private final ShellLogin login; // null: the shell has no login
  private final ShellCsp csp;
  private final ShellFragments fragments;

  ShellFilter(
      ShellPage page, CurrentRevisions revisions, ShellProperties properties, ShellLogin login, String assetBaseUrl,
      FragmentClient fragmentClient) {
    this.page = page;
    this.revisions = revisions;
    this.properties = properties;
    this.login = login;
    // The shell serves one environment, so its page's sources and fragments are known once for all.
    ShellProperties.Layout layout = properties.layoutOf(properties.environment());
    this.csp = new ShellCsp(layout, assetBaseUrl);
    this.fragments = new ShellFragments(fragmentClient, layout, login);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    String path = request.getRequestURI();
    if (!("GET".equals(method) || "HEAD".equals(method)) || isReserved(path)) {
      chain.doFilter(request, response);
      return;
    }
    Instant asked = Instant.now(); // a page's fragments' timeouts count from here
    RevisionSnapshot revision = revisions.of(properties.environment()).orElse(null);
    if (revision == null) {
      response.sendError(503, "The shell's environment \"" + properties.environment() + "\" does not exist");
      return;
    }
    ShellLogin.SignedIn signedIn = login == null ? null : login.signedIn(request).orElse(null);
    // A signed-in person keeps their canary assignment on every device; visitors by cookie.
    String subject = signedIn != null ? "user:" + signedIn.subject() : subject(request, response);
    ShellConfig.Auth auth =
        login == null
            ? null
            : new ShellConfig.Auth(ShellLogin.TOKEN_URL, ShellLogin.LOGOUT_URL, signedIn == null ? null : signedIn.claims());
    DevOverrides overrides = properties.devOverrides() ? devOverrides(request) : DevOverrides.NONE;
    ShellPage.Rendered rendered = page.render(revision, subject, path, auth, overrides);
    String nonce = nonce();
    byte[] body = rendered.body().withNonce(nonce);
    List<FragmentedPage.Placement> placements =
        "GET".equals(method) ? fragments.start(body, rendered, revision, request, response, overrides, asked) : List.of();
    response.setStatus(rendered.known() ? 200 : 404);
    response.setContentType("text/html;charset=utf-8");
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("Content-Security-Policy", csp.withNonce(nonce, overrides.origins()));
    // What the policy's frame-ancestors 'self' says, for browsers that know only this header;
    // Spring Security's default, DENY, would say otherwise.
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader("Pergola-Revision", Long.toString(revision.number()));
    if (!placements.isEmpty()) {
      try (OutputStream out = PageCompression.streaming(request.getHeader("Accept-Encoding"), response)) {
        FragmentedPage.write(body, placements, out);
      }
      return;
    }
    body = PageCompression.encode(body, request.getHeader("Accept-Encoding"), response);
    response.setContentLength(body.length);
    if ("GET".equals(method)) {
      response.getOutputStream().write(body);
    }
  }

  /** A sticky random id for canary assignment of visitors who are not logged in. */
  private static String subject(HttpServletRequest request, HttpServletResponse response) {
    String cookie = cookie(request, SUBJECT_COOKIE);
    if (cookie != null && !cookie.isBlank()) {
      return cookie;
    }
    String subject = randomId(16);
    // Written by hand: Tomcat's cookie writer formats an Expires date with a per-thread
    // formatter, which on virtual threads (a new thread per request) is rebuilt on every page
    // view, a measured cost in bench/assets. Max-Age alone is what browsers use.
    response.addHeader(
        "Set-Cookie",
        SUBJECT_COOKIE + "=" + subject + "; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax"
            + (request.isSecure() ? "; Secure" : ""));
    return subject;
  }

  private static DevOverrides devOverrides(HttpServletRequest request) {
    return DevOverrides.fromCookie(cookie(request, DevOverrides.COOKIE));
  }

  /** The value of the request's cookie {@code name}, or null. */
  static String cookie(HttpServletRequest request, String name) {
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (name.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  private static String nonce() {
    return randomId(18);
  }

  private static String randomId(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static boolean isReserved(String path) {
    for (String reserved : RESERVED) {
      if (path.startsWith(reserved)) {
        return true;
      }
    }
    return false;
  }
}
