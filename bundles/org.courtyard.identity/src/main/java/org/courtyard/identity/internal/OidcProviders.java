package org.courtyard.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The companies' OpenID Connect providers as Courtyard talks to them: their endpoints, found at
 * {@code {issuer}/.well-known/openid-configuration} and kept for an hour; the exchange of a code at
 * the token endpoint; the check of the ID token against the keys the provider publishes (kept by
 * Nimbus, fetched again when a token names a key it has not seen). Calls run on the request's
 * thread with short timeouts and size limits: a provider that does not answer costs one sign-in a
 * few seconds, and no thread of Courtyard's own.
 */
final class OidcProviders {

  private static final Logger LOG = LoggerFactory.getLogger(OidcProviders.class);
  private static final Texts TEXTS = Texts.of(OidcProviders.class);
  private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
  private static final int CONNECT_MS = 3_000;
  private static final int READ_MS = 10_000;
  private static final int MAX_BYTES = 256 * 1024;
  private static final int MAX_PROVIDERS = 10_000;

  /** Asymmetric signatures only: no {@code none}, and no HMAC keyed with the client secret. */
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  /** A provider's endpoints and keys, as its discovery document named them. */
  record Provider(
      String issuer,
      URI authorizationEndpoint,
      URI tokenEndpoint,
      boolean secretInBody,
      JWKSource<SecurityContext> keys,
      Instant discovered) {}

  private final Map<String, Provider> providers = new ConcurrentHashMap<>();
  private final DefaultResourceRetriever retriever =
      new DefaultResourceRetriever(CONNECT_MS, READ_MS, MAX_BYTES);

  /** The provider of {@code issuer}, discovered now or within the last hour. */
  Provider provider(String issuer) {
    Provider known = providers.get(issuer);
    if (known != null && known.discovered().plus(METADATA_LIFETIME).isAfter(Instant.now())) {
      return known;
    }
    Provider fresh = discover(issuer);
    if (providers.size() >= MAX_PROVIDERS) {
      providers.clear();
    }
    providers.put(issuer, fresh);
    return fresh;
  }

  /** Forgets what was discovered of {@code issuer}, after its settings changed. */
  void forget(String issuer) {
    if (issuer != null) {
      providers.remove(issuer);
    }
  }

  private Provider discover(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    Map<String, Object> doc;
    try {
      Resource r = retriever.retrieveResource(new URL(base + "/.well-known/openid-configuration"));
      doc = JSONObjectUtils.parse(r.getContent());
    } catch (IOException | ParseException e) {
      LOG.info("Discovery of OpenID provider {} failed: {}", issuer, e.toString());
      throw unavailable(TEXTS.text("oidc.discovery-unreadable", e.getMessage()));
    }
    try {
      if (!issuer.equals(JSONObjectUtils.getString(doc, "issuer"))) {
        throw unavailable(
            TEXTS.text(
                "oidc.other-issuer", TextRules.quote(JSONObjectUtils.getString(doc, "issuer"))));
      }
      URI authorization = endpoint(doc, "authorization_endpoint");
      URI token = endpoint(doc, "token_endpoint");
      URI jwks = endpoint(doc, "jwks_uri");
      List<String> methods =
          JSONObjectUtils.getStringList(doc, "token_endpoint_auth_methods_supported");
      boolean inBody;
      if (methods == null || methods.contains("client_secret_basic")) {
        inBody = false; // the default when the provider says nothing
      } else if (methods.contains("client_secret_post")) {
        inBody = true;
      } else {
        throw unavailable(TEXTS.text("oidc.no-client-auth"));
      }
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), retriever).build();
      return new Provider(issuer, authorization, token, inBody, keys, Instant.now());
    } catch (ParseException | MalformedURLException e) {
      throw unavailable(TEXTS.text("oidc.discovery-malformed", e.getMessage()));
    }
  }

  private static URI endpoint(Map<String, Object> doc, String name) throws ParseException {
    String raw = JSONObjectUtils.getString(doc, name);
    return Origins.providerAddress(raw)
        .orElseThrow(() -> unavailable(TEXTS.text("oidc.no-endpoint", name, TextRules.quote(raw))));
  }

  /**
   * Exchanges an authorization code for the provider's tokens and returns the ID token; the PKCE
   * verifier proves the code was asked for by the same sign-in.
   */
  String exchange(
      Provider p,
      String clientId,
      String clientSecret,
      String code,
      String redirectUri,
      String codeVerifier) {
    StringBuilder form =
        new StringBuilder()
            .append("grant_type=authorization_code&code=")
            .append(form(code))
            .append("&redirect_uri=")
            .append(form(redirectUri))
            .append("&code_verifier=")
            .append(form(codeVerifier));
    if (p.secretInBody()) {
      form.append("&client_id=")
          .append(form(clientId))
          .append("&client_secret=")
          .append(form(clientSecret));
    }
    int status;
    String body;
    try {
      HttpURLConnection con = (HttpURLConnection) p.tokenEndpoint().toURL().openConnection();
      con.setConnectTimeout(CONNECT_MS);
      con.setReadTimeout(READ_MS);
      con.setInstanceFollowRedirects(false);
      con.setUseCaches(false);
      con.setRequestMethod("POST");
      con.setDoOutput(true);
      con.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      con.setRequestProperty("Accept", "application/json");
      if (!p.secretInBody()) {
        // RFC 6749 2.3.1: both parts form-encoded before Basic
        String pair = form(clientId) + ":" + form(clientSecret);
        con.setRequestProperty(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      try (OutputStream out = con.getOutputStream()) {
        out.write(form.toString().getBytes(StandardCharsets.UTF_8));
      }
      status = con.getResponseCode();
      body = read(status >= 400 ? con.getErrorStream() : con.getInputStream());
    } catch (IOException e) {
      LOG.info("Token endpoint of {} failed: {}", p.issuer(), e.toString());
      throw unavailable(TEXTS.text("oidc.token-unreachable", e.getMessage()));
    }
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      json = Map.of();
    }
    if (status == 200) {
      Object idToken = json.get("id_token");
      if (idToken instanceof String s && !s.isEmpty()) {
        return s;
      }
      throw tokenRefused(TEXTS.text("oidc.no-id-token"));
    }
    if (status == 400 || status == 401) {
      Object error = json.get("error");
      Object description = json.get("error_description");
      Object why = error instanceof String ? TextRules.clip((String) error, 60) : status;
      throw tokenRefused(
          description instanceof String
              ? TEXTS.text(
                  "oidc.code-refused-because", why, TextRules.clip((String) description, 200))
              : TEXTS.text("oidc.code-refused", why));
    }
    LOG.info("Token endpoint of {} answered {}", p.issuer(), status);
    throw unavailable(TEXTS.text("oidc.token-status", status));
  }

  /**
   * The claims of an ID token that the provider signed with one of its published keys, for this
   * client (aud, and azp when there are several audiences), from this issuer, unexpired, and
   * carrying this sign-in's nonce.
   */
  JWTClaimsSet verify(Provider p, String clientId, String idToken, String nonce) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, p.keys()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().issuer(p.issuer()).claim("nonce", nonce).build(),
            Set.of("sub", "iat", "exp")));
    JWTClaimsSet claims;
    try {
      claims = processor.process(idToken, null);
    } catch (KeySourceException e) {
      LOG.info("Keys of {} could not be read: {}", p.issuer(), e.toString());
      throw unavailable(TEXTS.text("oidc.keys-unreadable", e.getMessage()));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw idTokenInvalid(
          e.getMessage() == null
              ? TEXTS.text("oidc.malformed")
              : Text.plain(TextRules.clip(e.getMessage(), 200)));
    }
    Object azp = claims.getClaim("azp");
    if ((azp != null && !clientId.equals(azp))
        || (claims.getAudience().size() > 1 && azp == null)) {
      throw idTokenInvalid(TEXTS.text("oidc.other-client"));
    }
    return claims;
  }

  private static String read(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (InputStream stream = in) {
      byte[] bytes = stream.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("answer larger than " + MAX_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static ProblemException unavailable(Text why) {
    return TEXTS.problem(502, "sso-provider-unavailable", "oidc.unavailable", why);
  }

  static ProblemException tokenRefused(Text detail) {
    return new ProblemException(
        401, "sso-token-refused", TEXTS.title("sso-token-refused"), detail, Map.of());
  }

  static ProblemException idTokenInvalid(Text why) {
    return TEXTS.problem(401, "sso-id-token-invalid", "oidc.id-token-invalid", why);
  }
}
