package io.pergola.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.testkit.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;

/** The same promises from every blob store: the local directory and a real S3 server. */
class BlobStoreContractTest {

  @TempDir static Path temp;
  private static S3ProxyServer s3;
  private static S3Client s3Client;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.start("contract");
    s3Client = s3.client();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3Client.close();
    s3.close();
  }

  static Stream<BlobStore> stores() throws IOException {
    return Stream.of(
        new FilesystemBlobStore(Files.createTempDirectory(temp, "blobs")),
        new S3BlobStore(s3Client, "contract", "run-" + System.nanoTime() + "/"));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void storedBlobReadsBackByItsDigest(BlobStore store) throws Exception {
    var blob = file("console.log('hello');");

    store.put(blob.sha256(), blob.path());

    assertThat(store.exists(blob.sha256())).isTrue();
    try (InputStream in = store.open(blob.sha256())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("console.log('hello');");
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void puttingAnExistingBlobAgainChangesNothing(BlobStore store) throws Exception {
    var blob = file("same content");
    store.put(blob.sha256(), blob.path());

    store.put(blob.sha256(), blob.path());

    try (Stream<BlobStore.StoredBlob> listed = store.list()) {
      assertThat(listed.map(BlobStore.StoredBlob::sha256).toList()).containsExactly(blob.sha256());
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void missingBlobIsReportedAsMissing(BlobStore store) throws Exception {
    String absent = file("never stored").sha256();

    assertThat(store.exists(absent)).isFalse();
    assertThatThrownBy(() -> store.open(absent)).isInstanceOf(NoSuchFileException.class);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void listsBlobsWithSizesAndDeletesThem(BlobStore store) throws Exception {
    var one = file("one");
    var three = file("three");
    store.put(one.sha256(), one.path());
    store.put(three.sha256(), three.path());

    List<BlobStore.StoredBlob> listed;
    try (Stream<BlobStore.StoredBlob> stream = store.list()) {
      listed = stream.toList();
    }
    store.delete(one.sha256());

    assertThat(listed)
        .extracting(BlobStore.StoredBlob::sha256, BlobStore.StoredBlob::size)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(one.sha256(), 3L),
            org.assertj.core.groups.Tuple.tuple(three.sha256(), 5L));
    assertThat(store.exists(one.sha256())).isFalse();
    assertThat(store.exists(three.sha256())).isTrue();
  }

  private record Blob(Path path, String sha256) {}

  private static Blob file(String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Path path = Files.createTempFile(temp, "blob", ".bin");
    Files.write(path, bytes);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    return new Blob(path, sha256);
  }
}
