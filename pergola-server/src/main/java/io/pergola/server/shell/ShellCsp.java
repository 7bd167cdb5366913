package io.pergola.server.shell;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shell page's Content-Security-Policy. Scripts run only with the response's nonce (and what
 * they load, {@code strict-dynamic}); everything else is known at start-up and written once: the
 * page's own origin, the asset origin when assets are served from another one ({@code
 * pergola.deploy.asset-base-url}, whose stylesheets, images, fonts and files children use), the
 * origins of the layout's stylesheet and icon URLs, and the layout's extra sources per directive.
 */
final class ShellCsp {

  private static final String BEFORE_NONCE = "default-src 'self'; script-src 'nonce-";

  private final ShellProperties.Layout layout;
  private final List<String> assets;
  private final List<String> stylesheets = new ArrayList<>();
  private final List<String> icon;
  private final String afterNonce;

  ShellCsp(ShellProperties.Layout layout, String assetBaseUrl) {
    this.layout = layout;
    this.assets = originOf(assetBaseUrl).map(List::of).orElse(List.of());
    for (String stylesheet : layout.stylesheets()) {
      originOf(stylesheet).ifPresent(stylesheets::add);
    }
    // A favicon is loaded under img-src.
    this.icon = originOf(layout.icon()).map(List::of).orElse(List.of());
    this.afterNonce = afterNonce(List.of());
  }

  /** The policy for one response. */
  String withNonce(String nonce) {
    return BEFORE_NONCE + nonce + afterNonce;
  }

  /**
   * The policy for one response whose page loads children from a developer's dev server
   * ({@link DevOverrides}): their code needs no source (it is imported by the runtime, which
   * {@code strict-dynamic} trusts), but their styles, images, fonts and calls back to the dev
   * server, its live reload's WebSocket among them, do.
   */
  String withNonce(String nonce, Collection<String> devServers) {
    return devServers.isEmpty() ? withNonce(nonce) : BEFORE_NONCE + nonce + afterNonce(List.copyOf(devServers));
  }

  private String afterNonce(List<String> devServers) {
    List<String> http = devServers.stream().filter(ShellCsp::isHttpUrl).toList();
    return "' 'strict-dynamic'; style-src" + sources("'self' 'unsafe-inline'", assets, stylesheets, layout.styleSrc(), http)
        + "; img-src" + sources("'self' data:", assets, icon, layout.imgSrc(), http)
        + "; connect-src" + sources("'self'", assets, layout.connectSrc(), devServers)
        + "; font-src" + sources("'self'", assets, layout.fontSrc(), http)
        + "; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";
  }

  @SafeVarargs
  private static String sources(String fixed, List<String>... more) {
    Set<String> all = new LinkedHashSet<>(List.of(fixed));
    for (List<String> sources : more) {
      all.addAll(sources);
    }
    return " " + String.join(" ", all);
  }

  /** Whether {@code url} is meant as an absolute http(s) URL, whose origin a policy may name. */
  static boolean isHttpUrl(String url) {
    return url != null && (url.startsWith("http://") || url.startsWith("https://"));
  }

  /**
   * {@code scheme://host[:port]} of an absolute http(s) URL; nothing for a path, anything else,
   * or a URL without a host.
   *
   * @throws IllegalArgumentException for an http(s) URL that does not parse
   */
  static Optional<String> originOf(String url) {
    if (!isHttpUrl(url)) {
      return Optional.empty();
    }
    URI uri = URI.create(url);
    if (uri.getHost() == null) {
      return Optional.empty();
    }
    return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
  }
}
