package io.pergola.server.login;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * such as tokens, are made anew each time.
 */
final class RememberingDeserializer implements Converter<byte[], Object> {

  private final DeserializingConverter deserializer;
  private final int capacity;
  private final Map<Bytes, SecurityContext> contexts = new ConcurrentHashMap<>();

  RememberingDeserializer(ClassLoader classLoader, int capacity) {
    this.deserializer = new DeserializingConverter(classLoader);
    this.capacity = capacity;
  }

  @Override
  public Object convert(byte[] bytes) {
    Bytes key = new Bytes(bytes);
    SecurityContext known = contexts.get(key);
    if (known != null) {
      return known;
    }
    Object value = deserializer.convert(bytes);
    if (value instanceof SecurityContext context) {
      // Bounded the way the shell's other caches are: full, it starts over.
      if (contexts.size() >= capacity) {
        contexts.clear();
      }
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
