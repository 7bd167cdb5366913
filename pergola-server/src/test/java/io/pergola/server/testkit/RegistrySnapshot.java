package io.pergola.server.testkit;

import io.pergola.core.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the registry holds, compared before and after a refused request to prove it left nothing
 * behind: version rows, file rows, stored blobs, and scratch files.
 */
public record RegistrySnapshot(
    List<String> versions, long fileRows, Set<String> blobs, List<String> scratch) {

  public static RegistrySnapshot of(PergolaTestServer server) {
    JdbcClient jdbc = server.context().getBean(JdbcClient.class);
    List<String> versions =
        jdbc.sql("select app || '@' || version from app_versions order by 1").query(String.class).list();
    long fileRows = jdbc.sql("select count(*) from version_files").query(Long.class).single();
    try (Stream<BlobStore.StoredBlob> stored = server.context().getBean(BlobStore.class).list()) {
      Set<String> blobs = stored.map(BlobStore.StoredBlob::sha256).collect(Collectors.toSet());
      return new RegistrySnapshot(versions, fileRows, blobs, scratch(server.dataDir().resolve("work")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> scratch(Path work) throws IOException {
    if (!Files.exists(work)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(work)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
