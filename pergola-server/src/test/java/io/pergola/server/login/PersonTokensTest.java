package io.pergola.server.login;

import static io.pergola.server.testkit.LoginServers.ALICE;
import static io.pergola.server.testkit.LoginServers.ALICE_PASSWORD;
import static io.pergola.server.testkit.LoginServers.BOB;
import static io.pergola.server.testkit.LoginServers.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.pergola.core.testkit.TestBundle;
import io.pergola.server.identity.SigningKeys;
import io.pergola.server.testkit.BrowserSession;
import io.pergola.server.testkit.LoginServers;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;

/**
 * People's access tokens on the registry API: accepted as the person their groups make them,
 * refused with 401 when anything about them is wrong.
 */
class PersonTokensTest {

  private static PergolaTestServer server;

  @BeforeAll
  static void start() {
    server = PergolaTestServer.start(PergolaTestServer.tempDir(), LoginServers.embeddedArgs().toArray(String[]::new));
    server.newTeam("billing");
    server.newTeam("shipping");
    server.registerApp("invoices", "billing");
    server.registerApp("parcels", "shipping");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server);
  }

  private static String apiTokenOf(String user, String password) {
    BrowserSession browser = new BrowserSession(server.baseUrl());
    browser.signIn("/", user, password);
    return browser.token(null);
  }

  @Test
  void aTeamMemberPublishesForTheirTeamOnly() {
    TestHttp alice = server.withToken(apiTokenOf(ALICE, ALICE_PASSWORD));

    alice.put("/api/apps/invoices/versions/1.0.0", TestBundle.validModule("invoices", "1.0.0").zip(), "application/zip")
        .expectStatus(201);
    alice.put("/api/apps/parcels/versions/1.0.0", TestBundle.validModule("parcels", "1.0.0").zip(), "application/zip")
        .expectProblem(403);
    alice.postJson("/api/teams", "{\"name\":\"payroll\"}").expectProblem(403);
  }

  @Test
  void aPersonLearnsWhomTheApiTakesThemFor() {
    JsonNode alice = server.withToken(apiTokenOf(ALICE, ALICE_PASSWORD)).get("/api/me").expectStatus(200).json();
    JsonNode bob = server.withToken(apiTokenOf(BOB, BOB_PASSWORD)).get("/api/me").expectStatus(200).json();

    assertThat(alice.get("id").asString()).isEqualTo("user:alice");
    assertThat(alice.get("admin").asBoolean()).isFalse();
    assertThat(alice.get("teams").toString()).isEqualTo("[\"billing\"]");
    assertThat(bob.get("admin").asBoolean()).isTrue();
  }

  @Test
  void anAdminGroupMemberActsAsAnAdminAndIsAuditedByName() {
    TestHttp bob = server.withToken(apiTokenOf(BOB, BOB_PASSWORD));

    bob.postJson("/api/teams", "{\"name\":\"" + PergolaTestServer.unique("team") + "\"}").expectStatus(201);
    bob.put("/api/apps/parcels/versions/2.0.0", TestBundle.validModule("parcels", "2.0.0").zip(), "application/zip")
        .expectStatus(201);
    bob.postJson("/api/environments/production/promote", "{\"app\":\"parcels\",\"version\":\"2.0.0\"}").expectStatus(200);

    assertThat(server.admin().get("/api/environments/production/revisions").text()).contains("user:bob");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    RSAKey current = (RSAKey) server.context().getBean(SigningKeys.class).publicKeys().getKeys().getFirst();
    RSAKey forger = new RSAKeyGenerator(2048).keyID(current.getKeyID()).generate();

    String forged = sign(forger, claims(server.baseUrl().toString(), "pergola", Instant.now().plusSeconds(300)));

    assertRefused(forged, "signature");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertRefused(signWithServerKey(claims("http://127.0.0.1:1", "pergola", Instant.now().plusSeconds(300))), "iss");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    assertRefused(signWithServerKey(claims(server.baseUrl().toString(), "billing-api", Instant.now().plusSeconds(300))), "audience");
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertRefused(signWithServerKey(claims(server.baseUrl().toString(), "pergola", Instant.now().minusSeconds(120))), "expired");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        base64("{\"sub\":\"mallory\",\"iss\":\"" + server.baseUrl() + "\",\"aud\":\"pergola\",\"groups\":[\"pergola-admin\"],\"exp\":"
            + Instant.now().plusSeconds(300).getEpochSecond() + "}");

    assertRefused(header + "." + payload + ".", "none");
  }

  @Test
  void aValidlySignedTokenWithTheRightClaimsIsAccepted() {
    String token = signWithServerKey(claims(server.baseUrl().toString(), "pergola", Instant.now().plusSeconds(300)));

    server.withToken(token).postJson("/api/teams", "{\"name\":\"" + PergolaTestServer.unique("ok") + "\"}").expectStatus(201);
  }

  private static void assertRefused(String token, String because) {
    TestHttp.Response answer = server.withToken(token).postJson("/api/teams", "{\"name\":\"" + PergolaTestServer.unique("no") + "\"}");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("detail").asString()).containsIgnoringCase(because);
  }

  /** Claims of an admin's token, which would be accepted if nothing else were wrong. */
  private static JwtClaimsSet claims(String issuer, String audience, Instant expires) {
    return JwtClaimsSet.builder()
        .issuer(issuer)
        .subject("mallory")
        .audience(List.of(audience))
        .issuedAt(expires.minusSeconds(600))
        .expiresAt(expires)
        .claim("groups", List.of("pergola-admin"))
        .build();
  }

  private static String signWithServerKey(JwtClaimsSet claims) {
    return new NimbusJwtEncoder(server.context().getBean(SigningKeys.class))
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private static String sign(RSAKey key, JwtClaimsSet claims) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
