package io.pergola.server.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** Session attributes read back from their bytes, security contexts remembered. */
class RememberingDeserializerTest {

  private final SerializingConverter serializer = new SerializingConverter();
  private final RememberingDeserializer deserializer = new RememberingDeserializer(getClass().getClassLoader(), 2);

  private byte[] contextOf(String user) {
    return serializer.convert(new SecurityContextImpl(new TestingAuthenticationToken(user, "secret", "ROLE_USER")));
  }

  @Test
  void theSameBytesGiveTheSameSecurityContext() {
    Object first = deserializer.convert(contextOf("ada"));
    Object again = deserializer.convert(contextOf("ada"));

    assertThat(again).isSameAs(first);
    assertThat(((SecurityContext) again).getAuthentication().getName()).isEqualTo("ada");
  }

  @Test
  void otherBytesGiveTheirOwnSecurityContext() {
    SecurityContext ada = (SecurityContext) deserializer.convert(contextOf("ada"));
    SecurityContext grace = (SecurityContext) deserializer.convert(contextOf("grace"));

    assertThat(ada.getAuthentication().getName()).isEqualTo("ada");
    assertThat(grace.getAuthentication().getName()).isEqualTo("grace");
  }

  @Test
  void otherAttributesAreMadeAnewEachTime() {
    byte[] bytes = serializer.convert(new ArrayList<>(List.of("token")));

    Object first = deserializer.convert(bytes);
    Object again = deserializer.convert(bytes);

    assertThat(again).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void aFullMemoryStillAnswersRightly() {
    for (String user : List.of("ada", "grace", "edsger", "barbara")) {
      deserializer.convert(contextOf(user));
    }

    SecurityContext ada = (SecurityContext) deserializer.convert(contextOf("ada"));

    assertThat(ada.getAuthentication().getName()).isEqualTo("ada");
  }

  @Test
  void aContextReadOverAndOverStaysRememberedWhileManyOthersComeAndGo() {
    SecurityContext ada = (SecurityContext) deserializer.convert(contextOf("ada"));
    for (int i = 0; i < 200; i++) {
      assertThat(deserializer.convert(contextOf("ada"))).isSameAs(ada);
      deserializer.convert(contextOf("visitor-" + i));
    }

    assertThat(deserializer.convert(contextOf("ada"))).isSameAs(ada);
  }
}
