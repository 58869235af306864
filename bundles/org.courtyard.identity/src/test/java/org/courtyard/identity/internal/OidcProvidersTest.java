package org.courtyard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks and the code exchange against a provider served from this JVM with keys made
 * here, so that each way a token can be wrong is tried once. The whole flow against a real provider
 * is SsoIT's.
 */
class OidcProvidersTest {

  private static final String CLIENT = "courtyard";

  private HttpServer server;
  private String issuer;
  private RSAKey key;
  private String discoveryExtra = "";
  private final Map<String, String> lastTokenRequest = new ConcurrentHashMap<>();
  private final OidcProviders providers = new OidcProviders();

  @BeforeEach
  void start() throws Exception {
    key = rsa("k1");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/acme";
    server.createContext(
        "/acme/.well-known/openid-configuration",
        x ->
            answer(
                x,
                200,
                "{\"issuer\":\""
                    + issuer
                    + "\",\"authorization_endpoint\":\""
                    + issuer
                    + "/authorize\",\"token_endpoint\":\""
                    + issuer
                    + "/token\",\"jwks_uri\":\""
                    + issuer
                    + "/jwks\""
                    + discoveryExtra
                    + "}"));
    server.createContext(
        "/acme/jwks", x -> answer(x, 200, new JWKSet(key).toPublicJWKSet().toString()));
    server.createContext(
        "/acme/token",
        x -> {
          lastTokenRequest.put(
              "authorization", String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
          String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          lastTokenRequest.put("form", form);
          if (form.contains("code=good")) {
            answer(x, 200, "{\"id_token\":\"the-id-token\",\"access_token\":\"a\"}");
          } else {
            answer(x, 400, "{\"error\":\"invalid_grant\"}");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aTokenSignedByTheProviderForThisClientIsAccepted() throws Exception {
    OidcProviders.Provider p = providers.provider(issuer);
    assertThat(p.authorizationEndpoint().toString()).isEqualTo(issuer + "/authorize");
    JWTClaimsSet claims = providers.verify(p, CLIENT, sign(key, valid().build()), "n1");
    assertThat(claims.getSubject()).isEqualTo("li.lei");
  }

  @Test
  void everyWrongTokenIsRefused() throws Exception {
    OidcProviders.Provider p = providers.provider(issuer);
    Instant now = Instant.now();
    Map<String, String> wrong =
        Map.of(
            "another client", sign(key, valid().audience("someone-else").build()),
            "another issuer", sign(key, valid().issuer("https://evil.example.com").build()),
            "another nonce", sign(key, valid().claim("nonce", "n2").build()),
            "expired",
                sign(
                    key,
                    valid()
                        .issueTime(Date.from(now.minusSeconds(7200)))
                        .expirationTime(Date.from(now.minusSeconds(3600)))
                        .build()),
            "no subject", sign(key, valid().subject(null).build()),
            "azp of another client",
                sign(key, valid().audience(List.of(CLIENT, "other")).claim("azp", "other").build()),
            "a key the provider does not publish", sign(rsa("k1"), valid().build()),
            "unsigned", new PlainJWT(valid().build()).serialize(),
            "signed with the client secret", hmac(valid().build()),
            "not a token", "garbage");
    for (Map.Entry<String, String> e : wrong.entrySet()) {
      assertThatThrownBy(() -> providers.verify(p, CLIENT, e.getValue(), "n1"))
          .as(e.getKey())
          .isInstanceOfSatisfying(
              ProblemException.class,
              refused -> {
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.type()).isEqualTo("sso-id-token-invalid");
              });
    }
  }

  @Test
  void theCodeIsExchangedWithTheSecretInBasicUnlessOnlyPostIsOffered() throws Exception {
    OidcProviders.Provider p = providers.provider(issuer);
    assertThat(providers.exchange(p, CLIENT, "s3:cr&t", "good", "https://cy/cb", "v1"))
        .isEqualTo("the-id-token");
    assertThat(lastTokenRequest.get("authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("courtyard:s3%3Acr%26t".getBytes(StandardCharsets.UTF_8)));
    assertThat(lastTokenRequest.get("form"))
        .contains(
            "grant_type=authorization_code",
            "code_verifier=v1",
            "redirect_uri=https%3A%2F%2Fcy%2Fcb")
        .doesNotContain("client_secret");
    assertThatThrownBy(() -> providers.exchange(p, CLIENT, "s", "reused", "https://cy/cb", "v1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            refused -> {
              assertThat(refused.type()).isEqualTo("sso-token-refused");
              assertThat(refused.detail()).contains("invalid_grant");
            });

    discoveryExtra = ",\"token_endpoint_auth_methods_supported\":[\"client_secret_post\"]";
    providers.forget(issuer);
    OidcProviders.Provider post = providers.provider(issuer);
    providers.exchange(post, CLIENT, "s3cret", "good", "https://cy/cb", "v1");
    assertThat(lastTokenRequest.get("authorization")).isEqualTo("null");
    assertThat(lastTokenRequest.get("form"))
        .contains("client_id=courtyard", "client_secret=s3cret");
  }

  @Test
  void aProviderThatCannotBeUsedIsAGatewayProblem() {
    assertThatThrownBy(() -> providers.provider(issuer.replace("/acme", "/other")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(502);
              assertThat(p.type()).isEqualTo("sso-provider-unavailable");
            });
    // a discovery document naming another issuer is not this provider's
    assertThatThrownBy(() -> providers.provider(issuer + "/"))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.detail()).contains("another issuer"));
  }

  private JWTClaimsSet.Builder valid() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("li.lei")
        .audience(CLIENT)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", "n1");
  }

  private static String sign(RSAKey k, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(k));
    return jwt.serialize();
  }

  private static String hmac(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner("a-client-secret-of-at-least-32-bytes!!"));
    return jwt.serialize();
  }

  private static RSAKey rsa(String kid) throws Exception {
    return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
  }

  private static void answer(HttpExchange x, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length);
    x.getResponseBody().write(body);
    x.close();
  }
}
