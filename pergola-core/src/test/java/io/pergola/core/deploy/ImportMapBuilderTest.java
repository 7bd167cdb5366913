package io.pergola.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportMapBuilderTest {

  private static final ImportMapBuilder.PublishedModules BILLING =
      new ImportMapBuilder.PublishedModules(
          "dist/index.js",
          List.of(
              new ImportMapBuilder.ModuleFile("dist/index.js", "sha384-aaa"),
              new ImportMapBuilder.ModuleFile("dist/chunk.js", "sha384-bbb")));

  @Test
  void mapsEachAppToItsEntryAndFolderWithIntegrityForEveryModule() {
    ImportMap map =
        new ImportMapBuilder("")
            .build(
                Map.of(AppName.of("billing"), SemVer.parse("1.2.0"), AppName.of("vue"), SemVer.parse("3.5.26")),
                (app, version) ->
                    app.value().equals("vue")
                        ? new ImportMapBuilder.PublishedModules("vue.js", List.of(new ImportMapBuilder.ModuleFile("vue.js", "sha384-vvv")))
                        : BILLING);

    assertThat(map.imports())
        .containsExactly(
            Map.entry("billing", "/assets/billing/1.2.0/dist/index.js"),
            Map.entry("billing/", "/assets/billing/1.2.0/"),
            Map.entry("vue", "/assets/vue/3.5.26/vue.js"),
            Map.entry("vue/", "/assets/vue/3.5.26/"));
    assertThat(map.integrity())
        .containsEntry("/assets/billing/1.2.0/dist/chunk.js", "sha384-bbb")
        .containsEntry("/assets/vue/3.5.26/vue.js", "sha384-vvv");
  }

  @Test
  void prefixesACdnOriginAndEncodesBuildMetadata() {
    ImportMap map =
        new ImportMapBuilder("https://cdn.example.com/")
            .build(Map.of(AppName.of("billing"), SemVer.parse("1.2.0+build.7")), (app, version) -> BILLING);

    assertThat(map.imports().get("billing")).isEqualTo("https://cdn.example.com/assets/billing/1.2.0%2Bbuild.7/dist/index.js");
  }

  @Test
  void writesJsonThatCannotCloseTheScriptElement() {
    ImportMap map = new ImportMap(Map.of("x</script>", "/a\"b"), Map.of());

    assertThat(map.toJson()).isEqualTo("{\"imports\":{\"x\\u003c/script\\u003e\":\"/a\\\"b\"},\"integrity\":{}}");
  }
}
