package io.pergola.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pergola.core.manifest.InvalidManifestException;
import io.pergola.core.testkit.TestBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveInspectorTest {

  @TempDir Path temp;

  private final ArchiveInspector inspector = new ArchiveInspector(ArchiveLimits.defaults());

  /** Both archive formats, as functions from a bundle to its bytes. */
  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("zip", (Function<TestBundle, byte[]>) TestBundle::zip),
        Arguments.of("tar.gz", (Function<TestBundle, byte[]>) TestBundle::tarGz));
  }

  private InspectedBundle inspect(byte[] archive) throws IOException {
    return inspect(inspector, archive);
  }

  private InspectedBundle inspect(ArchiveInspector inspector, byte[] archive) throws IOException {
    Path file = Files.write(Files.createTempFile(temp, "upload", ".bin"), archive);
    return inspector.inspect(file, staging());
  }

  private Path staging() {
    try {
      return Files.createDirectories(temp.resolve("staging"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ArchiveRefusedException refusal(byte[] archive) {
    return refusal(inspector, archive);
  }

  private ArchiveRefusedException refusal(ArchiveInspector inspector, byte[] archive) {
    try {
      inspect(inspector, archive);
    } catch (ArchiveRefusedException e) {
      assertThat(staging()).as("staging after refusal").isEmptyDirectory();
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the archive was accepted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void acceptsValidBundleAndStagesFilesByDigest(String format, Function<TestBundle, byte[]> pack)
      throws Exception {
    String script = "export function mount(element) { element.textContent = 'hello'; }\n".repeat(20);
    byte[] archive =
        pack.apply(
            TestBundle.module("billing", "1.0.0").directory("assets").file("index.js", script).file("assets/logo.svg", "<svg/>"));

    InspectedBundle bundle = inspect(archive);

    assertThat(bundle.manifest().name().value()).isEqualTo("billing");
    assertThat(bundle.files()).extracting(BundleFile::path).containsExactly("assets/logo.svg", "index.js", "pergola.json");
    BundleFile entry = bundle.files().get(1);
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    assertThat(entry.size()).isEqualTo(bytes.length);
    assertThat(entry.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(entry.integrity())
        .isEqualTo("sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(bytes)));
    assertThat(entry.contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(Files.readAllBytes(staging().resolve(entry.sha256()))).isEqualTo(bytes);
    assertThat(entry.gzip()).hasValueSatisfying(v -> assertThat(v.size()).isLessThan(bytes.length));
    assertThat(entry.brotli()).hasValueSatisfying(v -> assertThat(v.size()).isLessThan(entry.gzip().get().size()));
    assertThat(staging().resolve(entry.gzip().get().sha256())).exists();
  }

  @Test
  void integrityIsTheSriSha384OfTheBytes() throws Exception {
    // Expected value from: printf 'alert(1)' | openssl dgst -sha384 -binary | base64
    InspectedBundle bundle = inspect(TestBundle.module("a", "1.0.0").file("index.js", "alert(1)").zip());

    assertThat(bundle.files().get(0).integrity())
        .isEqualTo("sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW");
  }

  @Test
  void sameFilesGiveTheSameDigestWhateverTheFormat() throws Exception {
    TestBundle bundle = TestBundle.validModule("a", "1.0.0").file("b.css", "body{}");

    String fromZip = inspect(bundle.zip()).contentDigest();
    String fromTar = inspect(bundle.tarGz()).contentDigest();

    assertThat(fromZip).isEqualTo(fromTar);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesBundleWithoutManifest(String format, Function<TestBundle, byte[]> pack) {
    var refusal = refusal(pack.apply(TestBundle.empty().file("index.js", "x")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.MISSING_MANIFEST);
    assertThat(refusal).hasMessageContaining("pergola.json");
  }

  @Test
  void refusesInvalidManifestAndLeavesNothingStaged() throws IOException {
    byte[] archive = TestBundle.empty().manifest("{\"name\":\"a\"}").file("index.js", "x").zip();

    assertThatThrownBy(() -> inspect(archive)).isInstanceOf(InvalidManifestException.class);
    assertThat(staging()).isEmptyDirectory();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesBundleWhoseEntryFileIsMissing(String format, Function<TestBundle, byte[]> pack) {
    var refusal = refusal(pack.apply(TestBundle.module("a", "1.0.0").file("main.js", "x")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.MISSING_ENTRY_FILE);
    assertThat(refusal.entry()).hasValue("index.js");
  }

  static Stream<Arguments> unsafeNames() {
    return Stream.of("../evil.js", "a/../../evil.js", "/etc/passwd", "C:/evil.js", "c:evil.js", "a\\..\\evil.js", "a//b.js", "./a.js", "a/./b.js")
        .flatMap(name -> formats().map(format -> Arguments.of(format.get()[0], format.get()[1], name)));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("unsafeNames")
  void refusesEntriesThatEscapeTheRoot(String format, Function<TestBundle, byte[]> pack, String name) {
    var refusal = refusal(pack.apply(TestBundle.validModule("a", "1.0.0").file(name, "x")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.UNSAFE_PATH);
    assertThat(refusal.entry()).hasValue(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesSymlinks(String format, Function<TestBundle, byte[]> pack) {
    var refusal = refusal(pack.apply(TestBundle.validModule("a", "1.0.0").symlink("link.js", "/etc/passwd")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.LINK);
    assertThat(refusal.entry()).hasValue("link.js");
  }

  @Test
  void refusesHardLinks() {
    var refusal = refusal(TestBundle.validModule("a", "1.0.0").hardLink("copy.js", "index.js").tarGz());

    assertThat(refusal.reason()).isEqualTo(RefusalReason.LINK);
    assertThat(refusal).hasMessageContaining("hard link");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesDevicesAndFifos(String format, Function<TestBundle, byte[]> pack) {
    assertThat(refusal(pack.apply(TestBundle.validModule("a", "1.0.0").device("dev"))).reason())
        .isEqualTo(RefusalReason.SPECIAL_FILE);
    assertThat(refusal(pack.apply(TestBundle.validModule("a", "1.0.0").fifo("pipe"))).reason())
        .isEqualTo(RefusalReason.SPECIAL_FILE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesDuplicateEntries(String format, Function<TestBundle, byte[]> pack) {
    var refusal = refusal(pack.apply(TestBundle.validModule("a", "1.0.0").file("index.js", "other")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.DUPLICATE_ENTRY);
    assertThat(refusal.entry()).hasValue("index.js");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesNamesThatAreNotUtf8(String format, Function<TestBundle, byte[]> pack) {
    // U+00E9 is written as the single byte 0xE9: Latin-1, not UTF-8.
    var refusal = refusal(pack.apply(TestBundle.validModule("a", "1.0.0").file("caf\u00e9.js", "x")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_NAME_ENCODING);
    assertThat(refusal.entry()).hasValue("caf\\xE9.js");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void acceptsUtf8NamesBeyondAscii(String format, Function<TestBundle, byte[]> pack) throws Exception {
    String name = new String("caf\u00e9.js".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    InspectedBundle bundle = inspect(pack.apply(TestBundle.validModule("a", "1.0.0").file(name, "x")));

    assertThat(bundle.files()).extracting(BundleFile::path).contains("caf\u00e9.js");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesMoreFilesThanTheLimit(String format, Function<TestBundle, byte[]> pack) {
    var limited = new ArchiveInspector(new ArchiveLimits(3, 1 << 20, 1 << 20, 100));

    var refusal = refusal(limited, pack.apply(TestBundle.validModule("a", "1.0.0").file("b.js", "b").file("c.js", "c")));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.TOO_MANY_FILES);
    assertThat(refusal.limit()).hasValue(3L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesFileLargerThanTheLimit(String format, Function<TestBundle, byte[]> pack) {
    var limited = new ArchiveInspector(new ArchiveLimits(10, 1000, 1 << 20, 100));

    var refusal = refusal(limited, pack.apply(TestBundle.validModule("a", "1.0.0").file("big.js", "x".repeat(1001))));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.FILE_TOO_LARGE);
    assertThat(refusal.entry()).hasValue("big.js");
    assertThat(refusal.limit()).hasValue(1000L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesBundleLargerThanTheTotalLimit(String format, Function<TestBundle, byte[]> pack) {
    var limited = new ArchiveInspector(new ArchiveLimits(10, 1000, 1500, 100));

    var refusal = refusal(limited, pack.apply(TestBundle.validModule("a", "1.0.0").file("b.js", "x".repeat(800)).file("c.js", "y".repeat(800))));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.ARCHIVE_TOO_LARGE);
    assertThat(refusal.limit()).hasValue(1500L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void refusesZipBombWhileStreaming(String format, Function<TestBundle, byte[]> pack) {
    // 8 MiB of zeros compress about a thousandfold; the inspector must stop long before the end.
    var refusal = refusal(pack.apply(TestBundle.validModule("a", "1.0.0").file("bomb.bin", new byte[8 << 20])));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.COMPRESSION_RATIO);
    assertThat(refusal.limit()).hasValue(100L);
  }

  @Test
  void refusesWhatIsNotAnArchive() {
    var refusal = refusal("just some text".getBytes(StandardCharsets.UTF_8));

    assertThat(refusal.reason()).isEqualTo(RefusalReason.NOT_AN_ARCHIVE);
  }

  @Test
  void refusesTruncatedTar() {
    byte[] whole = TestBundle.validModule("a", "1.0.0").file("big.js", "x".repeat(5000)).tarGz();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThat(refusal(cut).reason()).isEqualTo(RefusalReason.CORRUPT);
  }

  @Test
  void smallAndIncompressibleFilesGetNoVariants() throws Exception {
    InspectedBundle bundle = inspect(TestBundle.validModule("a", "1.0.0").file("logo.png", new byte[4096]).zip());

    assertThat(bundle.files()).allSatisfy(file -> assertThat(file.gzip()).isEmpty());
  }
}
