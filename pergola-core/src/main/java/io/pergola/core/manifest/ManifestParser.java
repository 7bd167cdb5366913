package io.pergola.core.manifest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pergola.core.semver.InvalidVersionException;
import io.pergola.core.semver.SemVer;
import io.pergola.core.semver.SemVerRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code pergola.json}: JSON syntax, then the manifest's JSON Schema ({@link
 * #SCHEMA_RESOURCE}, also at {@code schema/pergola-manifest.schema.json} in the repository), then
 * what a schema cannot say (SemVer syntax, range syntax, a safe entry path). Every problem found
 * is reported at once, so a team fixes its manifest in one round.
 */
public final class ManifestParser {

  /** The classpath location of the manifest's JSON Schema (draft 2020-12). */
  public static final String SCHEMA_RESOURCE = "/io/pergola/core/manifest/pergola-manifest.schema.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SCHEMA = loadSchema();

  private ManifestParser() {}

  /** Parses and checks a manifest; throws {@link InvalidManifestException} listing every fault. */
  public static Manifest parse(byte[] bytes) {
    String text = decodeUtf8(bytes);
    JsonNode root = readJson(text);
    List<String> violations = new ArrayList<>();
    for (Error error : SCHEMA.validate(root)) {
      violations.add(describe(error));
    }
    if (!violations.isEmpty()) {
      throw new InvalidManifestException(violations);
    }
    SemVer version = check(violations, "/version", () -> SemVer.parse(root.get("version").asString()));
    Map<AppName, SemVerRange> requires = new LinkedHashMap<>();
    JsonNode required = root.path("requires");
    for (String library : required.propertyNames()) {
      SemVerRange range =
          check(violations, "/requires/" + library, () -> SemVerRange.parse(required.get(library).asString()));
      if (range != null) {
        requires.put(AppName.of(library), range);
      }
    }
    String entry = root.get("entry").asString();
    if (!EntryPaths.isSafe(entry)) {
      violations.add(
          "/entry: \"" + entry + "\" must be a relative path inside the bundle, with / separators");
    }
    if (!violations.isEmpty()) {
      throw new InvalidManifestException(violations);
    }
    List<String> routes = new ArrayList<>();
    root.path("routes").forEach(route -> routes.add(route.asString()));
    List<String> audiences = new ArrayList<>();
    root.path("audiences").forEach(audience -> audiences.add(audience.asString()));
    return new Manifest(
        AppName.of(root.get("name").asString()),
        version,
        IntegrationKind.fromId(root.get("kind").asString()),
        entry,
        optional(root, "element"),
        optional(root, "exposes"),
        routes,
        requires,
        audiences,
        root.path("description").asString(""),
        text);
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidManifestException(List.of("/: the file is not valid UTF-8"));
    }
  }

  private static JsonNode readJson(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new InvalidManifestException(List.of("/: the manifest must be a JSON object"));
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation where = e.getLocation();
      String place = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw new InvalidManifestException(
          List.of("/: not valid JSON" + place + ": " + e.getOriginalMessage()));
    }
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T check(List<String> violations, String location, Parse<T> parse) {
    try {
      return parse.get();
    } catch (InvalidVersionException e) {
      violations.add(location + ": " + e.getMessage());
      return null;
    }
  }

  private static Optional<String> optional(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null ? Optional.empty() : Optional.of(value.asString());
  }

  private static String describe(Error error) {
    String location = error.getInstanceLocation().toString();
    String message = error.getMessage();
    // The validator prefixes its messages with the location already; don't say it twice.
    return message.startsWith(location) ? message : location + ": " + message;
  }

  private static Schema loadSchema() {
    try (InputStream in = ManifestParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("The manifest schema is missing from the jar", e);
    }
  }
}
