package io.pergola.server.shell;

import io.pergola.core.deploy.Deployment;
import io.pergola.core.deploy.ImportMap;
import io.pergola.core.manifest.AppName;
import io.pergola.core.manifest.IntegrationKind;
import io.pergola.core.manifest.Manifest;
import io.pergola.core.semver.SemVer;
import io.pergola.server.deploy.DeployedVersions;
import io.pergola.server.deploy.ImportMaps;
import io.pergola.server.deploy.RevisionSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the shell page for one revision and one user: the import map with integrity (canaries
 * resolved for the user), modulepreload hints for the runtime and the current route's child, the
 * runtime's configuration with the route table, and the layout's slots. Everything comes from
 * the revision snapshot and caches of immutable versions: no database work.
 *
 * <p>Pages are kept per revision and resolved versions, with placeholders for the signed-in
 * user's claims, filled here per request, and for the CSP nonce, which {@link ShellFilter} fills
 * per response.
 */
@Component
class ShellPage {

  static final String NONCE = "\u0000NONCE\u0000";
  static final String SLOT_ID_PREFIX = "pergola-slot-";
  static final String OUTLET_ID = "pergola-outlet";

  /**
   * Stands for the signed-in user's claims in the pages kept; each request's claims take the
   * place of its JSON ({@link #userPlaceholderJson}). No claim can write that JSON: it escapes
   * the NUL characters of the key.
   */
  private static final Map<String, Object> USER_PLACEHOLDER = Map.of("\u0000user\u0000", true);

  private final ImportMaps importMaps;
  private final DeployedVersions versions;
  private final RuntimeFiles runtime;
  private final ShellProperties properties;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String userPlaceholderJson = scriptJson(USER_PLACEHOLDER);

  ShellPage(ImportMaps importMaps, DeployedVersions versions, RuntimeFiles runtime, ShellProperties properties) {
    this.importMaps = importMaps;
    this.versions = versions;
    this.runtime = runtime;
    this.properties = properties;
  }

  /**
   * What a request gets: the page (with the nonce placeholder), the same as bytes ready for the
   * nonce, whether its path is known, and the children it shows at once, where their fragments
   * would go.
   */
  record Rendered(String html, NoncedHtml body, boolean known, List<Shown> shown) {

    static Rendered of(String html, boolean known, List<Shown> shown) {
      return new Rendered(html, NoncedHtml.of(html, NONCE), known, shown);
    }
  }

  /**
   * A child the page shows at once: in an always-on slot or, for the route's child, in the
   * outlet; {@code elementId} is the id of that element, {@code version} the one this page runs.
   */
  record Shown(String app, String version, String elementId) {}

  /**
   * What a page depends on besides the nonce and the signed-in user's claims: the revision, the
   * versions resolved for the visitor, the route's child, and the login section. Pages are the
   * same for everyone with the same key, so they are built once and reused, for signed-in users
   * with a placeholder for their claims (measured in bench/assets: building the page was the
   * shell's main cost).
   */
  private record PageKey(
      String environment, long revision, Map<AppName, SemVer> resolved, String current, boolean known, ShellConfig.Auth auth) {}

  private record RoutesKey(String environment, long revision, Map<AppName, SemVer> resolved) {}

  private static final int MAX_CACHED = 256;
  private final Map<PageKey, Rendered> pages = new ConcurrentHashMap<>();
  private final Map<RoutesKey, RouteTable> routeTables = new ConcurrentHashMap<>();

  Rendered render(RevisionSnapshot revision, String subject, String path, ShellConfig.Auth auth, DevOverrides overrides) {
    ShellProperties.Layout layout = properties.layoutOf(revision.environment());
    Map<AppName, SemVer> resolved = new TreeMap<>(java.util.Comparator.comparing(AppName::value));
    for (Deployment deployment : revision.deployments().values()) {
      resolved.put(deployment.app(), deployment.versionFor(subject));
    }
    RouteTable routes = routeTable(revision, layout, resolved);
    String current = routes.appFor(path);
    boolean known = path.equals("/") || current != null;
    boolean signedIn = auth != null && auth.user() != null;
    ShellConfig.Auth pageAuth = signedIn ? new ShellConfig.Auth(auth.tokenUrl(), auth.logoutUrl(), USER_PLACEHOLDER) : auth;
    Supplier<Rendered> build = () -> build(revision, subject, layout, resolved, routes, current, known, pageAuth, overrides);
    Rendered page = overrides.isEmpty()
        ? kept(new PageKey(revision.environment(), revision.number(), resolved, current, known, pageAuth), build)
        // One developer's page: not worth keeping, and not to be handed to anybody else.
        : build.get();
    return signedIn
        ? Rendered.of(page.html().replace(userPlaceholderJson, scriptJson(auth.user())), known, page.shown())
        : page;
  }

  private RouteTable routeTable(RevisionSnapshot revision, ShellProperties.Layout layout, Map<AppName, SemVer> resolved) {
    RoutesKey key = new RoutesKey(revision.environment(), revision.number(), resolved);
    RouteTable routes = routeTables.get(key);
    if (routes == null) {
      routes = new RouteTable(routes(layout, resolved));
      remember(routeTables, key, routes);
    }
    return routes;
  }

  private Rendered kept(PageKey key, Supplier<Rendered> build) {
    Rendered page = pages.get(key);
    if (page == null) {
      page = build.get();
      remember(pages, key, page);
    }
    return page;
  }

  /** Bounded: a new revision makes old entries useless, so a full cache simply starts over. */
  private static <K, V> void remember(Map<K, V> cache, K key, V value) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, value);
  }

  private Rendered build(
      RevisionSnapshot revision,
      String subject,
      ShellProperties.Layout layout,
      Map<AppName, SemVer> resolved,
      RouteTable routes,
      String current,
      boolean known,
      ShellConfig.Auth auth,
      DevOverrides overrides) {
    ImportMap importMap = withOverrides(importMaps.of(revision, subject), overrides);

    ShellConfig config =
        new ShellConfig(
            revision.environment(),
            revision.number(),
            "/api/telemetry/client-errors",
            properties.mountTimeout().toMillis(),
            auth,
            apps(resolved, auth != null && auth.user() != null),
            slots(layout),
            routes.routes(),
            "#" + OUTLET_ID,
            new ShellConfig.NotFound("Page not found", "Go to the home page"));

    Map<String, String> shownIn = shownIn(layout, current);
    List<String> shown = shownIn.values().stream().distinct().toList();
    Map<String, String> adapters = combinedAdapters(shown, config);
    StringBuilder head = new StringBuilder(4096);
    head.append(firstTokens(shown, config));
    for (String stylesheet : layout.stylesheets()) {
      deployedUrl(stylesheet, importMap).ifPresent(url ->
          head.append("<link rel=\"stylesheet\" href=\"").append(escapeHtml(url)).append("\">\n"));
    }
    Optional<String> icon = layout.icon() == null ? Optional.empty() : deployedUrl(layout.icon(), importMap);
    if (icon.isPresent()) {
      head.append("<link rel=\"icon\" href=\"").append(escapeHtml(icon.get())).append("\">\n");
    } else if (layout.template() == null) {
      // Declared empty: a page without an icon has the browser ask for /favicon.ico on every
      // load, a request that only ever gets a 404.
      head.append("<link rel=\"icon\" href=\"data:,\">\n");
    }
    head.append("<script type=\"importmap\" nonce=\"").append(NONCE).append("\">")
        .append(withAdapters(importMap, adapters).toJson()).append("</script>\n");
    head.append(overridesNotice(overrides, importMap));
    // What the first view needs starts loading at once, side by side, instead of each file being
    // discovered only once the one importing it has arrived: the runtime, its adapters for the
    // kinds of children on show, the children and the libraries they require.
    Set<String> preloads = new LinkedHashSet<>();
    preloads.add(runtime.entryUrl());
    shown.forEach(app -> addCode(app, config, importMap, adapters, preloads));
    for (String url : preloads) {
      // Each hint carries the response's nonce: under the page's nonce-based CSP, Chromium's
      // preload scanner passes over a hint without one, which is then fetched only once the parser
      // reaches it, behind the import map and the inline scripts (bench/page-load: 10-30 ms after
      // the stylesheet). And its own integrity, although the import map has it too: a hint fetched
      // before the import map is in force is fetched with it (in a Chromium 156 trace, a hint
      // without it was fetched twice); a few bytes on the wire, the compressor finding the hash in
      // the map. At high priority: in timings taken while the parser still issued the hints, the
      // child's code left 12-44 ms after the stylesheet at the default priority, 4-26 ms at high.
      String integrity = importMap.integrity().get(url);
      head.append("<link rel=\"modulepreload\" fetchpriority=\"high\" nonce=\"").append(NONCE)
          .append("\" href=\"").append(escapeHtml(url)).append('"');
      if (integrity != null) {
        head.append(" integrity=\"").append(integrity).append('"');
      }
      head.append(">\n");
    }
    head.append("<script type=\"application/json\" id=\"pergola-config\">")
        .append(scriptJson(config))
        .append("</script>\n");
    // The runtime runs as soon as it has arrived: async, so not after the page's stylesheets
    // and their @imports as a module script in the head would (a round trip or two before any
    // child could start loading, measured in bench/page-load), and last in the body, so the
    // slots and the outlet it looks up are parsed before it can run. With fetchpriority=high:
    // Chromium otherwise runs an async script at low priority, after the hinted modules have all
    // arrived and been compiled (Vue's too), 13-30 ms after the runtime was ready in traces of
    // the demo's /billing; a high-priority one runs as soon as it is ready.
    StringBuilder script =
        new StringBuilder("<script type=\"module\" async fetchpriority=\"high\" nonce=\"" + NONCE + "\" src=\""
            + runtime.entryUrl() + "\"></script>\n");
    // The code of the children other routes show, preloaded a second after the page has loaded,
    // when the browser is idle: a first visit to one of them then waits for no download, and as
    // modulepreload (not prefetch) the browser has also compiled it by then, though none of it
    // runs before the visit (bench/route-switch: that first paint 52 -> 39 ms). Not as hints in
    // the page, nor at once on load: either competes with the first view, whose children are
    // still fetching their data, for bandwidth and CPU (bench/page-load measured its LCP 4-20 %
    // slower).
    if (layout.prefetch()) {
      Set<String> prefetches = new LinkedHashSet<>();
      routes.routes().stream()
          .map(ShellProperties.Route::app)
          .distinct()
          .filter(app -> !shown.contains(app))
          .forEach(app -> addCode(app, config, importMap, adapters, prefetches));
      prefetches.removeAll(preloads);
      if (!prefetches.isEmpty()) {
        script.append("<script nonce=\"").append(NONCE).append("\">addEventListener(\"load\",()=>setTimeout(()=>")
            .append("(self.requestIdleCallback||setTimeout)(()=>{for(const href of ")
            .append(scriptJson(prefetches))
            .append(")document.head.append(Object.assign(document.createElement(\"link\"),")
            .append("{rel:\"modulepreload\",href,crossOrigin:\"\"}))}),1e3))</script>\n");
      }
    }
    Map<String, String> slots = new LinkedHashMap<>();
    for (String slot : layout.slots().keySet()) {
      slots.put(slot, "<div id=\"" + escapeHtml(SLOT_ID_PREFIX + slot) + "\"></div>\n");
    }
    String outlet = "<main id=\"" + OUTLET_ID + "\"></main>\n";
    // Where a deployed child's server-rendered fragment would go.
    List<Shown> shownList = shownIn.entrySet().stream()
        .flatMap(in -> Optional.ofNullable(resolved.get(new AppName(in.getValue())))
            .map(version -> new Shown(in.getValue(), version.toString(), in.getKey()))
            .stream())
        .toList();
    if (layout.template() != null) {
      return Rendered.of(
          PageTemplate.fill(layout.template(), head.toString(), slots, outlet, script.toString()), known, shownList);
    }
    StringBuilder html = new StringBuilder(head.length() + 512);
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escapeHtml(layout.title())).append("</title>\n")
        .append(head)
        .append("</head>\n<body>\n");
    slots.values().forEach(html::append);
    html.append(outlet).append(script).append("</body>\n</html>\n");
    return Rendered.of(html.toString(), known, shownList);
  }

  /**
   * A script asking for the first token of each child on show that calls APIs (its config's
   * {@code token}) as the page is parsed, whose responses the runtime takes through
   * {@code pergolaTokens(url)}, each once: the token's round trip runs beside the download of the
   * code instead of after the runtime has arrived and started (bench/page-load). An async module
   * script: it runs as soon as it is parsed and holds the parser up for no stylesheet, wherever a
   * layout's template puts the head (a classic inline script after a stylesheet would wait for
   * it, and keep the rest of the page, the runtime's script included, from being parsed). Empty
   * when no child on show needs a token, as when nobody is signed in. The URLs are the runtime's
   * own: app names need no encoding.
   */
  private String firstTokens(List<String> shown, ShellConfig config) {
    List<String> urls = shown.stream()
        .filter(app -> config.apps().get(app) instanceof ShellConfig.App child && child.token())
        .map(app -> config.auth().tokenUrl() + "?app=" + app)
        .toList();
    if (urls.isEmpty()) {
      return "";
    }
    return "<script type=\"module\" async nonce=\"" + NONCE + "\">const t={};for(const u of " + scriptJson(urls)
        + ")(t[u]=fetch(u,{headers:{\"" + ShellLogin.TOKEN_REQUEST_HEADER + "\":\"1\"}})).catch(()=>{});"
        + "self.pergolaTokens=u=>{const r=t[u];delete t[u];return r}</script>\n";
  }

  /** The layout's routes, or else every deployed child's manifest routes. */
  private List<ShellProperties.Route> routes(ShellProperties.Layout layout, Map<AppName, SemVer> resolved) {
    if (!layout.routes().isEmpty()) {
      return layout.routes();
    }
    List<ShellProperties.Route> routes = new ArrayList<>();
    resolved.forEach(
        (app, version) -> {
          Manifest manifest = versions.get(app, version).manifest();
          if (manifest.kind() != IntegrationKind.LIBRARY) {
            manifest.routes().forEach(path -> routes.add(new ShellProperties.Route(path, app.value())));
          }
        });
    return routes;
  }

  private Map<String, ShellConfig.App> apps(Map<AppName, SemVer> resolved, boolean signedIn) {
    Map<String, ShellConfig.App> apps = new LinkedHashMap<>();
    resolved.forEach(
        (app, version) -> {
          Manifest manifest = versions.get(app, version).manifest();
          if (manifest.kind() != IntegrationKind.LIBRARY) {
            apps.put(
                app.value(),
                new ShellConfig.App(
                    version.toString(),
                    manifest.kind().id(),
                    app.value(),
                    manifest.element().orElse(null),
                    null,
                    manifest.exposes().orElse(null),
                    // The deployed libraries it requires, which the runtime fetches beside it.
                    manifest.requires().keySet().stream()
                        .filter(resolved::containsKey)
                        .map(AppName::value)
                        .sorted()
                        .toList(),
                    signedIn && !manifest.audiences().isEmpty()));
          }
        });
    return apps;
  }

  /** {@code value} as JSON that cannot end the {@code <script>} element it is written into. */
  private String scriptJson(Object value) {
    return json.writeValueAsString(value).replace("<", "\\u003c");
  }

  /**
   * The import map with each overridden app's code at its override URL, without integrity, which
   * a dev server's changing files cannot have. Only apps the revision maps are overridden: an
   * override cannot add code the environment does not already show.
   */
  private static ImportMap withOverrides(ImportMap importMap, DevOverrides overrides) {
    if (overrides.isEmpty()) {
      return importMap;
    }
    Map<String, String> imports = new LinkedHashMap<>(importMap.imports());
    Map<String, String> integrity = new LinkedHashMap<>(importMap.integrity());
    overrides.urls().forEach((app, url) -> {
      String deployed = imports.get(app);
      if (deployed != null) {
        integrity.remove(deployed);
        imports.put(app, url.toString());
      }
    });
    return new ImportMap(imports, integrity);
  }

  /**
   * A line in the browser's console for each override in force, so that a developer who forgot
   * one sees why the page differs from everybody else's. An async module script, like the first
   * tokens', so it holds the parser up for no stylesheet.
   */
  private String overridesNotice(DevOverrides overrides, ImportMap importMap) {
    List<String> lines = new ArrayList<>();
    overrides.urls().forEach((app, url) -> {
      if (url.toString().equals(importMap.imports().get(app))) {
        lines.add("Pergola: " + app + " comes from " + url + " in this browser only (" + DevOverridesPage.PATH + ")");
      }
    });
    if (lines.isEmpty()) {
      return "";
    }
    return "<script type=\"module\" async nonce=\"" + NONCE + "\">for(const l of " + scriptJson(lines) + ")console.warn(l)</script>\n";
  }

  /**
   * Kind to the URL of the one module holding the adapters of every kind of child on show, where
   * they are two or more and the runtime has that module; else empty. A page showing a web
   * component and a Vue child then loads one adapter file where it loaded two (bench/page-load).
   */
  private Map<String, String> combinedAdapters(List<String> shown, ShellConfig config) {
    List<String> kinds = shown.stream()
        .map(config.apps()::get)
        .filter(Objects::nonNull)
        .map(ShellConfig.App::kind)
        .distinct()
        .toList();
    Map<String, String> adapters = new LinkedHashMap<>();
    runtime.kindAdaptersUrl(kinds).ifPresent(url -> kinds.forEach(kind -> adapters.put(kind, url)));
    return adapters;
  }

  /**
   * The import map with each combined adapter's own URL mapped to the combined module, so the
   * runtime's {@code import('./<kind>-kind.js')} gets it: one request and one module instance
   * for all of them. Other kinds' adapters, loaded on a later route, stay files of their own.
   */
  private ImportMap withAdapters(ImportMap importMap, Map<String, String> adapters) {
    if (adapters.isEmpty()) {
      return importMap;
    }
    Map<String, String> imports = new LinkedHashMap<>(importMap.imports());
    adapters.forEach((kind, url) -> runtime.kindAdapterUrl(kind).ifPresent(own -> imports.put(own, url)));
    return new ImportMap(imports, importMap.integrity());
  }

  /**
   * Adds the URLs of {@code app}'s code: its kind's adapter (the combined one where
   * {@code adapters} has its kind), its entry, the libraries it requires.
   */
  private void addCode(String app, ShellConfig config, ImportMap importMap, Map<String, String> adapters, Set<String> urls) {
    ShellConfig.App deployed = config.apps().get(app);
    if (deployed != null) {
      Optional.ofNullable(adapters.get(deployed.kind()))
          .or(() -> runtime.kindAdapterUrl(deployed.kind()))
          .ifPresent(urls::add);
      Stream.concat(Stream.of(app), deployed.requires().stream())
          .map(importMap.imports()::get)
          .filter(Objects::nonNull)
          .forEach(urls::add);
    }
  }

  private static List<ShellConfig.Slot> slots(ShellProperties.Layout layout) {
    List<ShellConfig.Slot> slots = new ArrayList<>();
    layout.slots().forEach((name, app) -> slots.add(new ShellConfig.Slot(name, app, "#" + SLOT_ID_PREFIX + name)));
    return slots;
  }

  /**
   * The children the page shows at once, by the id of the element each goes in: the slots', then
   * the route's in the outlet, unless a slot shows it already.
   */
  private static Map<String, String> shownIn(ShellProperties.Layout layout, String current) {
    Map<String, String> apps = new LinkedHashMap<>();
    layout.slots().forEach((slot, app) -> apps.put(SLOT_ID_PREFIX + slot, app));
    if (current != null && !apps.containsValue(current)) {
      apps.put(OUTLET_ID, current);
    }
    return apps;
  }

  /**
   * A URL as is, or {@code app/path} resolved against the app's deployed folder; nothing for an
   * app with no version in the revision, rather than a relative URL that would fetch the shell's
   * not-found page in place of a stylesheet or an icon.
   */
  private static Optional<String> deployedUrl(String file, ImportMap importMap) {
    int slash = file.indexOf('/');
    if (slash <= 0 || file.contains("://")) {
      return Optional.of(file);
    }
    return Optional.ofNullable(importMap.imports().get(file.substring(0, slash) + "/"))
        .map(folder -> folder + file.substring(slash + 1));
  }

  static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
