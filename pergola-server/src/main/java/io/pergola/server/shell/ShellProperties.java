package io.pergola.server.shell;

import io.pergola.core.Require;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shell ({@code pergola.shell.*}): which environment the page at {@code /} shows, and each
 * environment's layout. Layouts are configuration, not code: a title, always-on slots, routes
 * (by default the deployed children's manifest routes) and shared stylesheets.
 *
 * @param environment the environment the shell serves
 * @param mountTimeout how long a child may take to mount before its slot shows a fallback
 * @param layouts layouts by environment name
 * @param devOverrides whether a browser may map a child's code to its developer's local dev
 *     server, for that browser only, from {@code /pergola/dev-overrides} (default false: turn it on
 *     where teams develop against the shell; overrides only ever point at loopback URLs)
 */
@ConfigurationProperties("pergola.shell")
public record ShellProperties(
    @DefaultValue("production") String environment,
    @DefaultValue("10s") Duration mountTimeout,
    Map<String, Layout> layouts,
    @DefaultValue("false") boolean devOverrides) {

  public ShellProperties {
    layouts = layouts == null ? Map.of() : Map.copyOf(layouts);
    Require.argument(
        mountTimeout.isPositive(), "pergola.shell.mount-timeout must be positive, was %s", mountTimeout);
  }

  /** The layout of {@code environment}, or the default one. */
  Layout layoutOf(String environment) {
    return layouts.getOrDefault(environment, Layout.DEFAULT);
  }

  /**
   * One environment's layout ({@code pergola.shell.layouts.<env>.*}).
   *
   * @param title the page title
   * @param slots always-on slots, name to app, in page order (e.g. {@code header: header})
   * @param routes path prefix or pattern to app; empty means the deployed children's manifest routes
   * @param stylesheets shared stylesheets: a URL, or {@code app/path} for a file of the version of
   *     {@code app} deployed in the revision (so a design system's CSS follows its deploys; left
   *     off the page while {@code app} has no version deployed)
   * @param icon the page's icon (the tab's favicon): a URL, or {@code app/path} as for
   *     stylesheets. Without one, Pergola's plain page declares an empty icon, so browsers do not
   *     ask for {@code /favicon.ico} on every page load; a template declares its own.
   * @param template an HTML file for the page around the children, read at start-up; it must
   *     hold {@code <!-- pergola:head -->} (inside {@code <head>}) and {@code <!-- pergola:outlet
   *     -->}, and may place each slot with {@code <!-- pergola:slot NAME -->} (slots without a
   *     marker go before the outlet). Without one, Pergola's plain page is used.
   * @param connectSrc origins children may call besides the shell's own (their teams' APIs, e.g.
   *     {@code https://api.example.com}), added to the page's CSP {@code connect-src}
   * @param imgSrc origins children may show images from besides the shell's own and the assets',
   *     added to the page's CSP {@code img-src}
   * @param fontSrc origins children may load fonts from besides the shell's own and the assets',
   *     added to the page's CSP {@code font-src}
   * @param styleSrc origins children may load stylesheets from besides the shell's own, the
   *     assets' and the layout's stylesheet URLs', added to the page's CSP {@code style-src}
   * @param prefetch whether the page has the browser fetch and compile (not run) the code of the
   *     children the other routes show, a second after the page has loaded and when the browser
   *     is idle (default true), so a first visit to another route waits for no download
   * @param fragments server-rendered HTML for first paint and search engines, app to the service
   *     that renders it: the page fetches the fragments of the children it shows side by side and
   *     puts each in its child's slot or outlet as the page streams out, where the browser shows it
   *     until the child has mounted; a fragment that fails or takes longer than its timeout leaves
   *     its child to render in the browser alone; one whose answer may be kept ({@code
   *     Cache-Control}) is kept ({@link FragmentCache})
   */
  public record Layout(
      @DefaultValue("Pergola") String title,
      Map<String, String> slots,
      List<Route> routes,
      List<String> stylesheets,
      String icon,
      java.nio.file.Path template,
      List<String> connectSrc,
      List<String> imgSrc,
      List<String> fontSrc,
      List<String> styleSrc,
      @DefaultValue("true") boolean prefetch,
      Map<String, Fragment> fragments) {

    static final Layout DEFAULT =
        new Layout("Pergola", Map.of(), List.of(), List.of(), null, null, List.of(), List.of(), List.of(), List.of(), true, Map.of());

    public Layout {
      slots = slots == null ? Map.of() : new java.util.LinkedHashMap<>(slots);
      routes = routes == null ? List.of() : List.copyOf(routes);
      stylesheets = stylesheets == null ? List.of() : List.copyOf(stylesheets);
      stylesheets.forEach(stylesheet -> checkFile("stylesheets", stylesheet, "design-system/styles.css", "site.css"));
      if (icon != null) {
        checkFile("icon", icon, "design-system/icon.svg", "icon.svg");
      }
      connectSrc = sources("connect-src", connectSrc, "https://api.example.com");
      imgSrc = sources("img-src", imgSrc, "https://images.example.com");
      fontSrc = sources("font-src", fontSrc, "https://fonts.example.com");
      styleSrc = sources("style-src", styleSrc, "https://styles.example.com");
      fragments = fragments == null ? Map.of() : Map.copyOf(fragments);
    }

    /**
     * A file the page names: {@code app/path}, a path, or an http(s) URL, which must name its
     * host, since its origin goes into the page's CSP ({@link ShellCsp}).
     */
    private static void checkFile(String property, String file, String appPathExample, String fileExample) {
      boolean valid;
      try {
        valid = !file.isBlank() && (!ShellCsp.isHttpUrl(file) || ShellCsp.originOf(file).isPresent());
      } catch (IllegalArgumentException e) {
        valid = false;
      }
      Require.argument(
          valid,
          "pergola.shell.layouts.<env>.%s: %s is neither app/path (%s), a path on this server nor an http(s) URL"
              + " such as https://cdn.example.com/%s",
          property, file, appPathExample, fileExample);
    }

    private static List<String> sources(String directive, List<String> sources, String example) {
      List<String> checked = sources == null ? List.of() : List.copyOf(sources);
      for (String source : checked) {
        // A source is one token: a space, ';' or ',' would smuggle other directives into the CSP.
        Require.argument(
            source.matches("https?://[A-Za-z0-9.*-]+(:[0-9]+)?(/[^\\s;,']*)?"),
            "pergola.shell.layouts.<env>.%s: %s is not an http(s) origin such as %s", directive, source, example);
      }
      return checked;
    }
  }

  /**
   * Where an app's server-rendered HTML comes from ({@code
   * pergola.shell.layouts.<env>.fragments.<app>.*}). The shell asks {@code url} with {@code GET}
   * for each page showing the app, saying which page and which version of the app it is for
   * ({@link FragmentRequest}); a {@code 200} with {@code text/html} is the fragment, a {@code 204}
   * says the app has none for that page.
   *
   * @param url the app's fragment service, an http(s) URL; configured here and never taken from
   *     a manifest, so no published bundle can make the shell call an address of its choosing
   * @param timeout how long a page waits for the fragment, from the moment the page was asked
   *     for, before it goes out without it (default 500 ms); the page's head, and with it the
   *     download of the children's code, never waits for a fragment
   * @param token whether a signed-in person's page sends the service their access token for the
   *     app's declared audiences, the one the child itself gets from {@code
   *     context.auth.getToken()}, as {@code Authorization: Bearer} (default false): the fragment
   *     may then be that person's view. Getting it can hold the page's head up for one refresh
   *     at the provider (at most {@code pergola.login.provider-timeout}), when the session holds
   *     no fresh token for those audiences yet; a person whose token cannot be had gets no
   *     fragment, never the one anybody sees
   */
  public record Fragment(java.net.URI url, @DefaultValue("500ms") Duration timeout, @DefaultValue("false") boolean token) {

    /** Longer than this and the page would do better to render in the browser. */
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    public Fragment {
      Require.argument(
          url != null && url.isAbsolute() && ShellCsp.isHttpUrl(url.toString()) && url.getHost() != null,
          "pergola.shell.layouts.<env>.fragments.<app>.url: %s is not an http(s) URL such as"
              + " http://billing-ssr.internal:8080/fragment", url);
      timeout = timeout == null ? Duration.ofMillis(500) : timeout;
      Require.argument(
          timeout.isPositive() && timeout.compareTo(MAX_TIMEOUT) <= 0,
          "pergola.shell.layouts.<env>.fragments.<app>.timeout must be between 1 ms and %s, was %s",
          MAX_TIMEOUT, timeout);
    }
  }

  /** A route of the shell: {@code /billing} matches {@code /billing/**}; {@code :id} a segment. */
  public record Route(String path, String app) {
    public Route {
      Require.argument(path != null && path.startsWith("/"), "A shell route's path starts with /, was %s", path);
      Require.argument(app != null && !app.isBlank(), "The shell route %s names no app", path);
    }
  }
}
