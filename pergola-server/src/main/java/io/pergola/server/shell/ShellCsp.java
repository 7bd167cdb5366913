package io.pergola.server.shell;

import java.net.URI;
import java.util.ArrayList;
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

  private final String afterNonce;

  ShellCsp(ShellProperties.Layout layout, String assetBaseUrl) {
    List<String> assets = originOf(assetBaseUrl).map(List::of).orElse(List.of());
    List<String> stylesheets = new ArrayList<>();
    for (String stylesheet : layout.stylesheets()) {
      originOf(stylesheet).ifPresent(stylesheets::add);
    }
    // A favicon is loaded under img-src.
    List<String> icon = originOf(layout.icon()).map(List::of).orElse(List.of());
    this.afterNonce =
        "' 'strict-dynamic'; style-src" + sources("'self' 'unsafe-inline'", assets, stylesheets, layout.styleSrc())
            + "; img-src" + sources("'self' data:", assets, icon, layout.imgSrc())
            + "; connect-src" + sources("'self'", assets, layout.connectSrc())
            + "; font-src" + sources("'self'", assets, layout.fontSrc())
            + "; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";
  }

  /** The policy for one response. */
  String withNonce(String nonce) {
    return BEFORE_NONCE + nonce + afterNonce;
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
