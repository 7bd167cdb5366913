package io.pergola.server.shell;

import io.pergola.core.deploy.Deployment;
import io.pergola.server.config.ServerOrigin;
import io.pergola.server.deploy.CurrentRevisions;
import io.pergola.server.deploy.RevisionSnapshot;
import io.pergola.server.web.FormPages;
import io.pergola.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a developer points children of the shell at their own dev server, for their browser only
 * ({@link DevOverrides}): a form listing the environment's apps, each with the URL its code comes
 * from in this browser. Saving writes the overrides cookie, a session cookie, so a closed browser
 * forgets them. Behind the shell's sign-in like any page, when the shell has one.
 *
 * <p>A form post, so it is kept from other origins by what the browser says of the request's
 * origin ({@link ServerOrigin#crossOriginRefusal}): another page cannot set overrides for a
 * visitor.
 */
@RestController
class DevOverridesPage {

  static final String PATH = "/pergola/dev-overrides";

  private final ShellProperties properties;
  private final CurrentRevisions revisions;
  private final ServerOrigin origin;

  DevOverridesPage(ShellProperties properties, CurrentRevisions revisions, ServerOrigin origin) {
    this.properties = properties;
    this.revisions = revisions;
    this.origin = origin;
  }

  @GetMapping(PATH)
  ResponseEntity<?> show(HttpServletRequest request) {
    RevisionSnapshot revision = revisions.of(properties.environment()).orElse(null);
    Optional<ResponseEntity<?>> unavailable = unavailable(revision);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    DevOverrides overrides = DevOverrides.fromCookie(ShellFilter.cookie(request, DevOverrides.COOKIE));
    Map<String, String> typed = new LinkedHashMap<>();
    overrides.urls().forEach((app, url) -> typed.put(app, url.toString()));
    return page(revision, HttpStatus.OK, typed, List.of(), request.getParameter("saved") != null);
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> save(HttpServletRequest request) {
    RevisionSnapshot revision = revisions.of(properties.environment()).orElse(null);
    Optional<ResponseEntity<?>> unavailable = unavailable(revision);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    Optional<String> crossOrigin = origin.crossOriginRefusal(request);
    if (crossOrigin.isPresent()) {
      return problem(HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request refused", crossOrigin.get());
    }
    boolean clear = request.getParameter("clear") != null;
    Map<String, String> typed = new LinkedHashMap<>();
    List<String> refusals = new ArrayList<>();
    Map<String, URI> urls = new TreeMap<>();
    for (Deployment deployment : deployments(revision)) {
      String app = deployment.app().value();
      String url = clear ? "" : Optional.ofNullable(request.getParameter(app)).orElse("").strip();
      typed.put(app, url);
      if (!url.isEmpty()) {
        DevOverrides.refusal(app, url).ifPresentOrElse(refusals::add, () -> urls.put(app, URI.create(url)));
      }
    }
    DevOverrides overrides = new DevOverrides(urls);
    if (overrides.cookieValue().length() > DevOverrides.MAX_COOKIE_LENGTH) {
      refusals.add("These URLs are too long together for the browser's cookie; shorten or remove some");
    }
    if (!refusals.isEmpty()) {
      // Nothing is saved: the overrides in force stay as they were.
      return page(revision, HttpStatus.BAD_REQUEST, typed, refusals, false);
    }
    String cookie = overrides.isEmpty()
        ? DevOverrides.COOKIE + "=; Max-Age=0"
        : DevOverrides.COOKIE + "=" + overrides.cookieValue();
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, PATH + "?saved")
        .header(HttpHeaders.SET_COOKIE, cookie + "; Path=/; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""))
        .build();
  }

  /** Why the page cannot be used now, if it cannot: {@code revision} is the environment's current one. */
  private Optional<ResponseEntity<?>> unavailable(RevisionSnapshot revision) {
    if (!properties.devOverrides()) {
      return Optional.of(problem(HttpStatus.NOT_FOUND, "dev-overrides-off", "Dev overrides are off",
          "This shell does not take dev overrides; its operator can turn them on with pergola.shell.dev-overrides=true"));
    }
    if (revision == null) {
      return Optional.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "environment-missing", "No environment",
          "The shell's environment \"" + properties.environment() + "\" does not exist yet"));
    }
    return Optional.empty();
  }

  /** The apps deployed in the shell's environment, by name: the ones an override can point elsewhere. */
  private static List<Deployment> deployments(RevisionSnapshot revision) {
    return revision.deployments().values().stream().sorted(Comparator.comparing(d -> d.app().value())).toList();
  }

  private ResponseEntity<?> page(
      RevisionSnapshot revision, HttpStatus status, Map<String, String> typed, List<String> refusals, boolean saved) {
    StringBuilder rows = new StringBuilder();
    for (Deployment deployment : deployments(revision)) {
      String app = deployment.app().value();
      rows.append("<label><span>").append(app).append(" <small>").append(deployment.version()).append("</small></span>")
          .append("<input name=\"").append(app).append("\" type=\"url\" placeholder=\"the deployed version\" value=\"")
          .append(ShellPage.escapeHtml(typed.getOrDefault(app, ""))).append("\"></label>\n");
    }
    StringBuilder messages = new StringBuilder();
    for (String refusal : refusals) {
      messages.append("<p class=\"error\" role=\"alert\">").append(ShellPage.escapeHtml(refusal)).append("</p>\n");
    }
    if (saved) {
      messages.append("<p role=\"status\">Saved. <a href=\"/\">Open the shell</a> to see it.</p>\n");
    }
    String style =
        """
        body { margin: 2rem auto; max-width: 44rem; padding: 0 1rem; }
        form { display: grid; gap: .75rem; }
        label { display: grid; grid-template-columns: 10rem 1fr; gap: .75rem; align-items: center; }
        small { color: #666; }
        .buttons { display: flex; gap: .75rem; }
        button[name=clear] { background: #777; }
        """;
    String body =
        """
        <h1>Dev overrides</h1>
        <p>Load a child's code from your own dev server, in this browser only, inside the real shell of
        <b>%s</b>: everybody else keeps the deployed version. Give the URL of the child's entry module
        on this machine (localhost, 127.0.0.1 or [::1]), e.g. <code>http://localhost:5173/src/main.js</code>;
        leave a field empty for the deployed version. The browser forgets them when it closes.</p>
        %s<form class="card" method="post" action="%s">
        %s<div class="buttons"><button type="submit">Save</button><button type="submit" name="clear" value="1">Clear all</button></div>
        </form>
        """
            .formatted(ShellPage.escapeHtml(properties.environment()), messages, PATH, rows);
    return FormPages.page(status, "Dev overrides", style, body);
  }

  private static ResponseEntity<?> problem(HttpStatus status, String slug, String title, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, slug, title, detail));
  }
}
