package io.pergola.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pergola.core.semver.SemVer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

  private static Manifest parse(String json) {
    return ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static InvalidManifestException refusal(String json) {
    try {
      parse(json);
    } catch (InvalidManifestException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void readsEveryField() {
    String json =
        """
        {"name":"billing","version":"1.4.0","kind":"module","entry":"dist/index.js",
         "routes":["/billing"],"requires":{"vue":"^3.4.0"},"description":"Invoices"}
        """;

    Manifest manifest = parse(json);

    assertThat(manifest.name()).isEqualTo(AppName.of("billing"));
    assertThat(manifest.version()).isEqualTo(SemVer.parse("1.4.0"));
    assertThat(manifest.kind()).isEqualTo(IntegrationKind.MODULE);
    assertThat(manifest.entry()).isEqualTo("dist/index.js");
    assertThat(manifest.routes()).containsExactly("/billing");
    assertThat(manifest.requires().get(AppName.of("vue"))).hasToString("^3.4.0");
    assertThat(manifest.description()).isEqualTo("Invoices");
    assertThat(manifest.json()).isEqualTo(json);
  }

  @Test
  void refusesInvalidJsonSayingWhere() {
    var refusal = refusal("{\"name\": \"billing\",\n \"version\": }");

    assertThat(refusal.violations()).singleElement().asString().contains("line 2");
  }

  @Test
  void listsEverySchemaViolationWithItsLocation() {
    var refusal = refusal("{\"name\":\"Billing\",\"kind\":\"widget\",\"entry\":\"index.js\",\"extra\":1}");

    assertThat(String.join("\n", refusal.violations()))
        .contains("/name")
        .contains("/kind")
        .contains("version")
        .contains("extra");
  }

  @Test
  void requiresAnElementForWebComponentsAndAModuleForFederation() {
    var webComponent =
        refusal("{\"name\":\"a\",\"version\":\"1.0.0\",\"kind\":\"web-component\",\"entry\":\"a.js\"}");
    var federation =
        refusal("{\"name\":\"a\",\"version\":\"1.0.0\",\"kind\":\"federation\",\"entry\":\"a.js\"}");

    assertThat(String.join("\n", webComponent.violations())).contains("element");
    assertThat(String.join("\n", federation.violations())).contains("exposes");
  }

  @Test
  void refusesVersionThatIsNotSemVerAndInvalidRanges() {
    var refusal =
        refusal(
            "{\"name\":\"a\",\"version\":\"1.2\",\"kind\":\"module\",\"entry\":\"a.js\","
                + "\"requires\":{\"vue\":\"three\"}}");

    assertThat(refusal.violations())
        .anySatisfy(v -> assertThat(v).startsWith("/version").contains("\"1.2\""))
        .anySatisfy(v -> assertThat(v).startsWith("/requires/vue").contains("\"three\""));
  }

  @Test
  void refusesEntryOutsideTheBundle() {
    var refusal =
        refusal("{\"name\":\"a\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"x/../../a.js\"}");

    assertThat(refusal.violations()).singleElement().asString().startsWith("/entry");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    assertThatThrownBy(() -> ManifestParser.parse(new byte[] {'{', (byte) 0xC3, '}'}))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void publishedSchemaIsTheOneTheParserUses() throws Exception {
    Path published = Path.of("..", "schema", "pergola-manifest.schema.json");
    byte[] bundled = ManifestParser.class.getResourceAsStream(ManifestParser.SCHEMA_RESOURCE).readAllBytes();

    assertThat(Files.readAllBytes(published)).isEqualTo(bundled);
  }
}
