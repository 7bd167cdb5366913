import com.google.javascript.jscomp.CheckLevel;
import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.ChunkOutputType;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.DependencyOptions;
import com.google.javascript.jscomp.DiagnosticGroups;
import com.google.javascript.jscomp.JSChunk;
import com.google.javascript.jscomp.NodeUtil;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.deps.ModuleLoader.ResolutionMode;
import com.google.javascript.rhino.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the runtime as browsers get it from the ES modules under {@code src/}: Closure Compiler
 * (simple optimizations: local names shortened, properties never renamed, so every name a child
 * or the shell page sees stays as written) bundles the entry {@code pergola.js} and everything it
 * imports into one module, and each module the runtime loads lazily ({@code import('./x.js')})
 * into a chunk of its own, {@code x.js} beside the bundle, which imports what it shares from the
 * bundle. Source maps carry the original sources for the browser's devtools.
 *
 * <p>Maven runs it with the source launcher ({@code java -cp closure-compiler.jar
 * BundleRuntime.java <src> <out>}); see this module's pom. The sources stay runnable as they are
 * (the unit tests import them directly): bundling is only for shipping, and it needs a lazily
 * loaded module to sit beside the module that imports it, so the relative path holds both ways.
 *
 * <p>Lazily loaded modules that import from the bundle alone are also written together, one file
 * per set of two or more of them ({@link #writeCombinations}): a page showing children of two
 * kinds then loads their adapters as one file instead of two.
 */
public final class BundleRuntime {

  private static final String ENTRY = "pergola.js";

  private static final Pattern STATIC_IMPORT =
      Pattern.compile("^(?:import|export)[^;]*? from '(\\.[^']+)';", Pattern.MULTILINE);
  private static final Pattern DYNAMIC_IMPORT = 
      Pattern.compile("\\bimport\\('(\\.[^']+)'\\)(?!\\.)"); // not JSDoc's import('./x.js').Type

  /**
   * Closure rejects {@code import()} in its output: the runtime's dynamic imports go through
   * under this name and are put back afterwards.
   */
  private static final String IMPORT_ALIAS = "__pergolaDynamicImport";

  /** How Closure starts a chunk that imports from the bundle: its one import statement. */
  private static final Pattern IMPORT_FROM_ENTRY =
      Pattern.compile("^import\\{([^}]*)\\}from\"\\./" + Pattern.quote(ENTRY) + "\";");

  private final Path src;
  private final Map<String, String> code = new LinkedHashMap<>();

  private BundleRuntime(Path src) {
    this.src = src;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java -cp closure-compiler.jar BundleRuntime.java <src dir> <out dir>");
      System.exit(2);
    }
    new BundleRuntime(Path.of(args[0])).bundle(Path.of(args[1]));
  }

  private void bundle(Path out) throws IOException {
    Set<String> core = importsOf(ENTRY);
    List<JSChunk> chunks = new ArrayList<>();
    Map<String, JSChunk> byEntry = new LinkedHashMap<>();
    JSChunk main = chunk(ENTRY, core);
    chunks.add(main);
    for (String lazy : lazyModules(core)) {
      addLazyChunk(lazy, core, main, byEntry, chunks);
    }

    Compiler compiler = new Compiler(System.err);
    Result result = compiler.compileChunks(
        List.of(SourceFile.fromCode("externs.js", "function " + IMPORT_ALIAS + "(specifier) {}")),
        chunks,
        options());
    if (!result.success || !result.warnings.isEmpty()) {
      System.err.println("[pergola-runtime] bundling failed: " + result.errors.size() + " error(s), "
          + result.warnings.size() + " warning(s), listed above");
      System.exit(1);
    }

    Files.createDirectories(out);
    Map<String, Part> combinable = new LinkedHashMap<>();
    for (JSChunk chunk : chunks) {
      String file = chunk.getName() + ".js";
      compiler.getSourceMap().reset(); // the source map records the chunk printed next
      String js = compiler.toSource(chunk).replace(IMPORT_ALIAS + "(", "import(");
      if (js.contains(IMPORT_ALIAS)) {
        throw new IllegalStateException(file + ": a dynamic import did not survive bundling intact");
      }
      StringBuilder map = new StringBuilder();
      compiler.getSourceMap().appendTo(map, file);
      // No sourceMappingURL comment: the server names the map in a SourceMap header instead,
      // which costs the browsers that never open devtools nothing.
      write(out, file, js, map.toString(), chunk.getInputCount() + " module(s)");
      if (chunk != main && chunk.getDependencies().equals(List.of(main))) {
        combinable.put(chunk.getName(), new Part(chunk.getName(), js, map.toString()));
      }
    }
    writeCombinations(out, new ArrayList<>(combinable.values()));
  }

  /** A chunk as printed, with its source map. */
  private record Part(String name, String js, String map) {}

  private static void write(Path out, String file, String js, String map, String from) throws IOException {
    Files.writeString(out.resolve(file), js);
    Files.writeString(out.resolve(file + ".map"), map);
    System.out.println("[pergola-runtime] " + out.resolve(file) + ": "
        + js.getBytes(StandardCharsets.UTF_8).length + " bytes from " + from);
  }

  /**
   * For every set of two or more lazily loaded chunks that import from the bundle alone, one
   * module holding them all, named after its members in order ({@code a-kind_b-kind.js}). The
   * shell page maps each member's URL to it in its import map, so the runtime's
   * {@code import('./a-kind.js')} and {@code import('./b-kind.js')} are one request and one
   * module instance, which registers both.
   *
   * <p>The file starts with one import of everything the members take from the bundle; each
   * member follows on a line of its own, as printed, its import statement blanked out with
   * spaces so every column stays where its source map says (the combined map is an index map,
   * one section per member). Closure names top-level variables across all chunks of one
   * compilation, so members never declare the same name; the combined file is parsed again to
   * make sure.
   */
  private static void writeCombinations(Path out, List<Part> parts) throws IOException {
    parts.sort(Comparator.comparing(Part::name));
    for (int set = 1; set < 1 << parts.size(); set++) {
      if (Integer.bitCount(set) < 2) {
        continue;
      }
      List<Part> members = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        if ((set & 1 << i) != 0) {
          members.add(parts.get(i));
        }
      }
      String name = String.join("_", members.stream().map(Part::name).toList());
      Set<String> imported = new TreeSet<>();
      StringBuilder lines = new StringBuilder();
      StringBuilder sections = new StringBuilder();
      for (int line = 0; line < members.size(); line++) {
        Part member = members.get(line);
        Matcher statement = IMPORT_FROM_ENTRY.matcher(member.js());
        if (!statement.find() || member.js().contains("\n")) {
          throw new IllegalStateException(member.name() + ".js does not start with one import from " + ENTRY
              + " on one line: Closure's output changed, combining it needs a look");
        }
        imported.addAll(List.of(statement.group(1).split(",")));
        lines.append('\n').append(" ".repeat(statement.end())).append(member.js().substring(statement.end()));
        sections.append(line == 0 ? "" : ",").append("{\"offset\":{\"line\":").append(line + 1)
            .append(",\"column\":0},\"map\":").append(member.map().strip()).append('}');
      }
      String js = "import{" + String.join(",", imported) + "}from\"./" + ENTRY + "\";" + lines;
      checkTopLevelNamesUnique(name + ".js", js);
      String map = "{\"version\":3,\"file\":\"" + name + ".js\",\"sections\":[" + sections + "]}\n";
      write(out, name + ".js", js, map, members.size() + " chunks");
    }
  }

  /** Fails the build when the file does not parse or declares a top-level name twice. */
  private static void checkTopLevelNamesUnique(String file, String js) {
    Compiler compiler = new Compiler(System.err);
    compiler.initOptions(options());
    Node script = compiler.parse(SourceFile.fromCode(file, js));
    if (compiler.getErrorCount() > 0 || script == null || !script.hasOneChild() || !script.getFirstChild().isModuleBody()) {
      throw new IllegalStateException(file + ": the combined module does not parse as a module");
    }
    Set<String> names = new HashSet<>();
    for (Node statement = script.getFirstChild().getFirstChild(); statement != null; statement = statement.getNext()) {
      List<String> declared = new ArrayList<>();
      if (statement.isFunction() || statement.isClass()) {
        declared.add(statement.getFirstChild().getString());
      } else if (NodeUtil.isNameDeclaration(statement) || statement.isImport()) {
        NodeUtil.visitLhsNodesInNode(statement, lhs -> declared.add(lhs.getString()));
      }
      for (String name : declared) {
        if (!names.add(name)) {
          throw new IllegalStateException(file + ": two of its members declare \"" + name + "\"");
        }
      }
    }
  }

  /** A lazily loaded module's chunk, after the chunks of the lazy modules it imports. */
  private JSChunk addLazyChunk(String lazy, Set<String> core, JSChunk main,
      Map<String, JSChunk> byEntry, List<JSChunk> chunks) throws IOException {
    JSChunk existing = byEntry.get(lazy);
    if (existing != null) {
      return existing;
    }
    Set<String> files = importsOf(lazy);
    files.removeAll(core);
    List<JSChunk> dependencies = new ArrayList<>();
    for (String other : lazyModules(core)) {
      if (!other.equals(lazy) && files.contains(other)) {
        JSChunk dependency = addLazyChunk(other, core, main, byEntry, chunks);
        dependencies.add(dependency);
        files.removeAll(importsOf(other));
      }
    }
    JSChunk chunk = chunk(lazy, files);
    chunk.addDependency(main);
    dependencies.forEach(chunk::addDependency);
    byEntry.put(lazy, chunk);
    chunks.add(chunk);
    return chunk;
  }

  private JSChunk chunk(String entry, Set<String> files) throws IOException {
    String name = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".js".length());
    JSChunk chunk = new JSChunk(name);
    for (String file : files) {
      chunk.add(SourceFile.fromCode(file, read(file).replaceAll("\\bimport\\(", IMPORT_ALIAS + "(")));
    }
    return chunk;
  }

  /** The file and every file it imports statically, directly or not, in dependency order. */
  private Set<String> importsOf(String file) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    visit(file, found);
    return found;
  }

  private void visit(String file, Set<String> found) throws IOException {
    if (found.contains(file)) {
      return;
    }
    Matcher imports = STATIC_IMPORT.matcher(read(file));
    while (imports.find()) {
      visit(resolve(file, imports.group(1)), found);
    }
    found.add(file);
  }

  /** The modules the given files import with {@code import('./x.js')}, each beside its importer. */
  private List<String> lazyModules(Set<String> files) throws IOException {
    Set<String> lazy = new LinkedHashSet<>();
    for (String file : files) {
      Matcher imports = DYNAMIC_IMPORT.matcher(read(file));
      while (imports.find()) {
        if (!imports.group(1).matches("\\./[\\w-]+\\.js")) {
          throw new IllegalStateException(file + " imports " + imports.group(1)
              + " lazily: a lazily loaded module must sit beside its importer (./name.js)");
        }
        lazy.add(resolve(file, imports.group(1)));
      }
    }
    return new ArrayList<>(lazy);
  }

  private static String resolve(String from, String relative) {
    return Path.of(from).resolveSibling(relative).normalize().toString().replace('\\', '/');
  }

  private String read(String file) throws IOException {
    String text = code.get(file);
    if (text == null) {
      text = Files.readString(src.resolve(file));
      code.put(file, text);
    }
    return text;
  }

  private static CompilerOptions options() {
    CompilerOptions options = new CompilerOptions();
    CompilationLevel.SIMPLE_OPTIMIZATIONS.setOptionsForCompilationLevel(options);
    options.setLanguageIn(LanguageMode.UNSTABLE);
    // Browsers with import maps run the source as written: nothing to transpile or polyfill.
    options.setLanguageOut(LanguageMode.NO_TRANSPILE);
    options.setRewritePolyfills(false);
    options.setPreventLibraryInjection(true);
    options.setModuleResolutionMode(ResolutionMode.BROWSER);
    options.setDependencyOptions(DependencyOptions.none());
    options.setChunkOutputType(ChunkOutputType.ES_MODULES);
    // A module's top level is its own scope: its names may be shortened like locals.
    CompilationLevel.SIMPLE_OPTIMIZATIONS.setWrappedOutputOptimizations(options);
    options.setAssumeGlobalScopeIsIsolated(true);
    options.setEmitUseStrict(false); // modules are strict already
    // One line: Closure's line breaks every 500 characters cut brotli's matches (41 bytes here).
    options.setLineLengthThreshold(Integer.MAX_VALUE);
    // JSDoc types document the source; the bundle is checked by the tests, not by Closure's types.
    options.setWarningLevel(DiagnosticGroups.NON_STANDARD_JSDOC, CheckLevel.OFF);
    options.setSourceMapOutputPath("unused"); // turns source maps on; each is written by hand
    options.setSourceMapIncludeSourcesContent(true);
    return options;
  }
}
