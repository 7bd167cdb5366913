package io.pergola.server.shell;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a body that turns out longer is dropped as it
 * passes the limit (the body becomes null) and the rest of it is not read, so one service's
 * runaway response costs the shell no more than the limit. A body nobody wants (an error's) is
 * not read at all.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int limit;
  private final boolean wanted;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BoundedBody(int limit, boolean wanted) {
    this.limit = limit;
    this.wanted = wanted;
  }

  /**
   * Reads the bodies of 200 responses, of up to {@code limit} bytes; a body declared longer, or
   * of another status, is not read at all.
   */
  static HttpResponse.BodyHandler<byte[]> handler(int limit) {
    return info -> new BoundedBody(
        limit, info.statusCode() == 200 && info.headers().firstValueAsLong("Content-Length").orElse(0) <= limit);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (wanted) {
      subscription.request(1);
    } else {
      subscription.cancel();
      body.complete(null);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + buffer.remaining() > limit) {
        subscription.cancel();
        body.complete(null);
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }
}
