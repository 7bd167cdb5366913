package io.pergola.server.storage;

import io.pergola.core.storage.BlobStore;
import io.pergola.core.storage.BlobStoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link BlobStore} in an S3-compatible bucket: {@code <prefix>blobs/ab/cd/abcd…}.
 *
 * <p>An S3 PUT makes an object visible only once complete, which gives the all-or-nothing
 * guarantee the port asks for. Reads stream from the store; nothing here holds a whole file in
 * memory. SDK failures surface as {@link IOException}s naming the key, so the caller's error
 * handling is the same as for the file store.
 */
public final class S3BlobStore implements BlobStore {

  private final S3Client s3;
  private final String bucket;
  private final String keyPrefix;

  public S3BlobStore(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.keyPrefix = prefix + "blobs/";
  }

  /** A store on the configured bucket, with credentials from the AWS SDK's standard chain. */
  public static S3BlobStore connect(StorageProperties.S3 s3) {
    S3ClientBuilder builder =
        S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
    if (s3.endpoint() != null) {
      builder.endpointOverride(s3.endpoint());
    }
    return new S3BlobStore(builder.build(), s3.bucket(), s3.prefix());
  }

  String keyOf(String sha256) {
    return keyPrefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  /**
   * Uploads even when the key exists: the content is the same by construction, and a fresh
   * upload renews the object's date, which the orphan sweeper's grace period relies on.
   */
  @Override
  public void put(String sha256, Path file) throws IOException {
    try {
      s3.putObject(request -> request.bucket(bucket).key(keyOf(sha256)), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failure("store", sha256, e);
    }
  }

  @Override
  public boolean exists(String sha256) throws IOException {
    try {
      s3.headObject(request -> request.bucket(bucket).key(keyOf(sha256)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("look up", sha256, e);
    } catch (SdkException e) {
      throw failure("look up", sha256, e);
    }
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    try {
      return s3.getObject(request -> request.bucket(bucket).key(keyOf(sha256)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException("s3://" + bucket + "/" + keyOf(sha256));
    } catch (SdkException e) {
      throw failure("read", sha256, e);
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    try {
      s3.deleteObject(request -> request.bucket(bucket).key(keyOf(sha256)));
    } catch (SdkException e) {
      throw failure("delete", sha256, e);
    }
  }

  @Override
  public Stream<StoredBlob> list() throws IOException {
    try {
      return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(keyPrefix)).contents()
          .stream()
          .map(
              object ->
                  new StoredBlob(
                      object.key().substring(object.key().lastIndexOf('/') + 1),
                      object.size(),
                      object.lastModified()));
    } catch (SdkException e) {
      throw new IOException("Cannot list s3://" + bucket + "/" + keyPrefix + ": " + e.getMessage(), e);
    }
  }

  /** An outage (no connection, a timeout, a 5xx) as such; anything else (access refused) plainly. */
  private IOException failure(String action, String sha256, SdkException e) {
    String message = "Cannot " + action + " s3://" + bucket + "/" + keyOf(sha256) + ": " + e.getMessage();
    boolean outage = e instanceof SdkClientException || (e instanceof S3Exception answer && answer.statusCode() >= 500);
    return outage ? new BlobStoreUnavailableException(message, e) : new IOException(message, e);
  }
}
