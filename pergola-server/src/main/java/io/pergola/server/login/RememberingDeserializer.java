package io.pergola.server.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.context.SecurityContext;

/**
 * Turns a session attribute's stored bytes back into its object, remembering the security
 * contexts it made by their bytes. Every signed-in request reads its session's security context,
 * and deserializing it (the person's ID token, claims and authorities) was the largest single
 * cost of a signed-in shell page (a profile under bench/assets' load). The same bytes give the
 * same context, so the one made before is answered: requests of one session then share one
 * context object, as they do in a servlet container's own in-memory session. Other attributes,
 * such as tokens, are made anew each time. At most {@code capacity} contexts are remembered;
 * beyond that, those least likely to be read again give way (Caffeine's policy), one at a time,
 * where a map that started over would make every session's context anew at once.
 */
final class RememberingDeserializer implements Converter<byte[], Object> {

  private final DeserializingConverter deserializer;
  private final Cache<Bytes, SecurityContext> contexts;

  RememberingDeserializer(ClassLoader classLoader, int capacity) {
    this.deserializer = new DeserializingConverter(classLoader);
    this.contexts =
        Caffeine.newBuilder()
            .maximumSize(capacity)
            // Upkeep on the calling thread: no work handed to the common pool per request.
            .executor(Runnable::run)
            .build();
  }

  @Override
  public Object convert(byte[] bytes) {
    Bytes key = new Bytes(bytes);
    SecurityContext known = contexts.getIfPresent(key);
    if (known != null) {
      return known;
    }
    Object value = deserializer.convert(bytes);
    if (value instanceof SecurityContext context) {
      contexts.put(key, context);
    }
    return value;
  }

  /**
   * Stored bytes as a key, compared by content with {@link Arrays}' hash and equality, which the
   * JVM vectorizes ({@code ByteBuffer}'s hash, a byte at a time, showed in the profile).
   */
  private record Bytes(byte[] value) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes bytes && Arrays.equals(value, bytes.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return value.length + " bytes";
    }
  }
}
