package io.pergola.server.shell;

import io.pergola.server.deploy.RevisionSnapshot;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which fragments a shell page gets ({@code pergola.shell.layouts.<env>.fragments}), and starting
 * their fetches: one per child the page shows at once that has a fragment service, all side by
 * side, each bounded by its timeout counted from when the page was asked for. A child a
 * developer has overridden gets none: the deployed version's markup is not what their code draws.
 */
final class ShellFragments {

  private static final Logger log = LoggerFactory.getLogger(ShellFragments.class);

  private final FragmentClient client;
  private final ShellProperties.Layout layout;
  private final ShellLogin login; // null: the shell has no login

  ShellFragments(FragmentClient client, ShellProperties.Layout layout, ShellLogin login) {
    this.client = client;
    this.layout = layout;
    this.login = login;
  }

  /** The fragments' places in {@code page}, their fetches started; empty when it has none. */
  List<FragmentedPage.Placement> start(
      byte[] page, ShellPage.Rendered rendered, RevisionSnapshot revision, HttpServletRequest request,
      HttpServletResponse response, DevOverrides overrides, Instant asked) {
    if (layout.fragments().isEmpty()) {
      return List.of();
    }
    String query = request.getQueryString();
    String path = request.getRequestURI() + (query == null ? "" : "?" + query);
    List<FragmentedPage.Placement> placements = new ArrayList<>();
    for (ShellPage.Shown shown : rendered.shown()) {
      ShellProperties.Fragment fragment = layout.fragments().get(shown.app());
      if (fragment == null || overrides.urls().containsKey(shown.app())) {
        continue;
      }
      int at = FragmentedPage.contentStart(page, shown.elementId());
      if (at < 0) {
        continue;
      }
      String token;
      try {
        token = fragment.token() && login != null ? login.accessToken(shown.app(), request, response).orElse(null) : null;
      } catch (ShellLogin.TokenUnavailableException e) {
        // What the service would render without the token is what anybody sees, not this
        // person's view: the child renders in the browser instead.
        log.debug("{}; its child renders in the browser", e.getMessage());
        continue;
      }
      FragmentRequest fragmentRequest = new FragmentRequest(
          path,
          shown.app(),
          shown.version(),
          revision.environment(),
          revision.number(),
          request.getHeader("Accept-Language"),
          token);
      placements.add(new FragmentedPage.Placement(
          at, shown.app(), client.fetch(fragment, fragmentRequest, asked.plus(fragment.timeout()))));
    }
    return placements;
  }
}
