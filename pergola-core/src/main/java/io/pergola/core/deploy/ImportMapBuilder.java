package io.pergola.core.deploy;

import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Builds the import map for a set of resolved versions: each app's (and library's) name maps to
 * its entry module's versioned URL, {@code name/} to its folder (so {@code import "vue/dist/x.js"}
 * works), and every JavaScript module of those versions gets its SRI hash, so the browser checks
 * what it runs against what was published.
 */
public final class ImportMapBuilder {

  /** What the builder needs of a published version: its entry and its module files. */
  public record PublishedModules(String entry, List<ModuleFile> modules) {}

  /** A JavaScript file of a version, with its {@code sha384-…} integrity. */
  public record ModuleFile(String path, String integrity) {}

  private final String assetBase;

  /**
   * @param assetBase where assets are served from, without a trailing slash: empty for the same
   *     origin as the page, or a CDN's origin such as {@code https://cdn.example.com}
   */
  public ImportMapBuilder(String assetBase) {
    this.assetBase = assetBase.endsWith("/") ? assetBase.substring(0, assetBase.length() - 1) : assetBase;
  }

  /** The import map for these versions, in app-name order. */
  public ImportMap build(
      Map<AppName, SemVer> versions, BiFunction<AppName, SemVer, PublishedModules> published) {
    Map<String, String> imports = new LinkedHashMap<>();
    Map<String, String> integrity = new LinkedHashMap<>();
    Map<String, SemVer> sorted = new TreeMap<>();
    versions.forEach((app, version) -> sorted.put(app.value(), version));
    for (Map.Entry<String, SemVer> app : sorted.entrySet()) {
      PublishedModules modules = published.apply(AppName.of(app.getKey()), app.getValue());
      String folder = folderUrl(app.getKey(), app.getValue());
      imports.put(app.getKey(), folder + path(modules.entry()));
      imports.put(app.getKey() + "/", folder);
      for (ModuleFile module : modules.modules()) {
        integrity.put(folder + path(module.path()), module.integrity());
      }
    }
    return new ImportMap(imports, integrity);
  }

  /** The URL of a version's folder, {@code <base>/assets/{app}/{version}/}. */
  public String folderUrl(String app, SemVer version) {
    return assetBase + "/assets/" + app + "/" + encode(version.toString()) + "/";
  }

  private static String path(String path) {
    StringBuilder encoded = new StringBuilder();
    for (String segment : path.split("/")) {
      if (!encoded.isEmpty()) {
        encoded.append('/');
      }
      encoded.append(encode(segment));
    }
    return encoded.toString();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
