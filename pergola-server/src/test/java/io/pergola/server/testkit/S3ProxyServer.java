package io.pergola.server.testkit;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy (from Maven Central) in this JVM, on a random
 * loopback port, keeping objects in memory, with AWS v4 signatures checked.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "pergola-test-access";
  public static final String SECRET_KEY = "pergola-test-secret-0123456789";

  private final S3Proxy proxy;

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  /** Starts a server and creates {@code buckets} in it. */
  public static S3ProxyServer start(String... buckets) throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("transient", new Properties()))
            // A fixed port (found free first), so resume() comes back where clients expect it.
            .endpoint(URI.create("http://127.0.0.1:" + LoopbackPorts.free()))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.onSpinWait();
    }
    S3ProxyServer server = new S3ProxyServer(proxy);
    try (S3Client client = server.client()) {
      for (String bucket : buckets) {
        client.createBucket(request -> request.bucket(bucket));
      }
    }
    return server;
  }


  /** Stops answering, keeping the objects, as an outage would. */
  public void pause() throws Exception {
    proxy.stop();
  }

  /** Answers again, on the same port, with the same objects. */
  public void resume() throws Exception {
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.onSpinWait();
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** A client for this server; the caller closes it. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /**
   * Spring arguments that point a Pergola server at this store. Credentials go through the AWS
   * SDK's standard chain (system properties), as they would in production.
   */
  public String[] pergolaArgs(String bucket) {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    return new String[] {
      "--pergola.storage.type=s3",
      "--pergola.storage.s3.bucket=" + bucket,
      "--pergola.storage.s3.endpoint=" + endpoint(),
      "--pergola.storage.s3.path-style=true",
      "--pergola.storage.s3.prefix=pergola/"
    };
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
