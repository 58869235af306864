package org.courtyard.admin.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * A property company's staff member's way to the tenant REST API ({@code <base>/...}, e.g. {@code
 * estate/estates}): signs in ({@code POST auth/login}), sends the 15-minute access token as Bearer,
 * renews it with the one-use refresh token shortly before it expires and, once, when the API
 * answers 401; signs out. The generic {@link #get}, {@link #post}, {@link #put}, {@link #delete}
 * and {@link #page} helpers are what each screen area's own small client (EstateClient,
 * BillingClient, ...) is written with: area endpoints do not belong here.
 *
 * <p>Every error answer becomes an {@link ApiProblem} (its {@code detail} is what the user reads),
 * every network failure an {@link ApiUnreachable}. Thread-safe; kept in the HTTP session.
 */
public final class TenantApi implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The access token is renewed this long before it would expire. */
  static final Duration EARLY = Duration.ofSeconds(60);

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  private static final String JSON_TYPE = "application/json";

  private final String baseUrl;
  private final String tenant;
  private final Clock clock;
  private String accessToken;
  private Instant expiresAt;
  private String refreshToken;
  private boolean signedOut;

  private TenantApi(String baseUrl, String tenant, StaffTokens tokens, Clock clock) {
    this.baseUrl = stripSlash(baseUrl);
    this.tenant = tenant;
    this.clock = clock;
    take(tokens);
  }

  /**
   * Signs a staff member in. {@code totp} may be null or blank for an account without a second
   * factor.
   *
   * @throws ApiProblem 401 {@code invalid-credentials}, {@code totp-required} (ask for the code),
   *     {@code totp-invalid}; 403 {@code user-disabled}, {@code tenant-suspended}; 429 after too
   *     many failures
   */
  public static TenantApi signIn(
      String baseUrl, String tenant, String username, String password, String totp) {
    return signIn(baseUrl, tenant, username, password, totp, Clock.systemUTC());
  }

  static TenantApi signIn(
      String baseUrl, String tenant, String username, String password, String totp, Clock clock) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", tenant == null ? null : tenant.strip().toLowerCase(java.util.Locale.ROOT));
    body.put("username", username == null ? null : username.strip());
    body.put("password", password);
    body.put("totp", totp == null || totp.isBlank() ? null : totp.strip());
    String base = stripSlash(baseUrl);
    String answer = anonymousPost(base, "auth/login", body);
    return new TenantApi(base, (String) body.get("tenant"), tokens(answer), clock);
  }

  /** A client for tokens obtained elsewhere: the return of the company's single sign-on. */
  public static TenantApi withTokens(String baseUrl, String tenant, StaffTokens tokens) {
    return new TenantApi(baseUrl, tenant, tokens, Clock.systemUTC());
  }

  static TenantApi withTokens(String baseUrl, String tenant, StaffTokens tokens, Clock clock) {
    return new TenantApi(baseUrl, tenant, tokens, clock);
  }

  /** A fresh key for {@link #post(String, Object, Class, String)}: one per user action. */
  public static String newIdempotencyKey() {
    return UUID.randomUUID().toString();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The company (tenant slug) signed in to. */
  public String tenant() {
    return tenant;
  }

  // ------------------------------------------------------------------------------ session

  /** Who is signed in, with each permission held and where. */
  public StaffMe me() {
    return get("auth/me", StaffMe.class);
  }

  /** Ends the session on the platform; this client cannot be used afterwards. */
  public void signOut() {
    try {
      send("POST", "auth/logout", null, null, null, Void.class);
    } finally {
      synchronized (this) {
        signedOut = true;
        accessToken = null;
        refreshToken = null;
      }
    }
  }

  /** Whether signed out (here, or because the platform refused the refresh token). */
  public synchronized boolean signedOut() {
    return signedOut;
  }

  // ------------------------------------------------------------------------------ helpers

  /** {@code GET path}; a {@code Void} type reads nothing. */
  public <T> T get(String path, Class<T> type) {
    return get(path, Map.of(), type);
  }

  /** {@code GET path?query}; null or blank query values are left out. */
  public <T> T get(String path, Map<String, ?> query, Class<T> type) {
    return send("GET", path + query(query), null, null, null, type);
  }

  public <T> T get(String path, Map<String, ?> query, TypeReference<T> type) {
    return read(send("GET", path + query(query), null, null, null, String.class), type);
  }

  /**
   * One page of a list ({@code {items, nextCursor}}); {@code query} holds {@code limit}, {@code
   * cursor}, sort and filters as the endpoint names them.
   */
  public <T> Page<T> page(String path, Map<String, ?> query, Class<T> itemType) {
    JavaType type = JSON.getTypeFactory().constructParametricType(Page.class, itemType);
    return read(send("GET", path + query(query), null, null, null, String.class), type);
  }

  /** The answer as text (an HTML receipt, a CSV export). */
  public String text(String path, Map<String, ?> query) {
    return send("GET", path + query(query), null, null, null, String.class);
  }

  /** {@code POST} a JSON body (null for none). */
  public <T> T post(String path, Object body, Class<T> type) {
    return send("POST", path, json(body), JSON_TYPE, null, type);
  }

  /**
   * {@code POST} with an {@code Idempotency-Key}: the platform answers a repeated key with the
   * first answer instead of acting twice (a payment recorded by a double click). Generate the key
   * once per user action ({@link #newIdempotencyKey()}) and reuse it when retrying that action.
   */
  public <T> T post(String path, Object body, Class<T> type, String idempotencyKey) {
    return send("POST", path, json(body), JSON_TYPE, idempotencyKey, type);
  }

  /** {@code POST} a body that is not JSON, e.g. a CSV upload ({@code text/csv}). */
  public <T> T upload(String path, byte[] body, String contentType, Class<T> type) {
    return send("POST", path, body, contentType, null, type);
  }

  /**
   * {@code GET path} answered with bytes rather than JSON: a photo, its thumbnail, a PDF. Refusals
   * are {@link ApiProblem}s as everywhere.
   */
  public byte[] bytes(String path) {
    String token = bearer();
    HttpResponse<byte[]> response = exchangeBytes(request("GET", path, null, null, null, token));
    if (response.statusCode() == 401 && renewAfterRefusal(token)) {
      response = exchangeBytes(request("GET", path, null, null, null, bearer()));
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw OperatorApi.problem(status, new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  public <T> T put(String path, Object body, Class<T> type) {
    return send("PUT", path, json(body), JSON_TYPE, null, type);
  }

  public void delete(String path) {
    send("DELETE", path, null, null, null, Void.class);
  }

  public <T> T delete(String path, Class<T> type) {
    return send("DELETE", path, null, null, null, type);
  }

  /** {@code ?a=1&b=x} of the non-blank values, encoded; empty for none. */
  public static String query(Map<String, ?> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringJoiner q = new StringJoiner("&", "?", "");
    q.setEmptyValue("");
    query.forEach(
        (k, v) -> {
          if (v != null && !v.toString().isBlank()) {
            q.add(encode(k) + "=" + encode(v.toString()));
          }
        });
    return q.toString();
  }

  /** A path segment, encoded: {@code "rooms/" + TenantApi.segment(code)}. */
  public static String segment(String value) {
    return encode(value == null ? "" : value).replace("+", "%20");
  }

  // ------------------------------------------------------------------------------ transport

  private <T> T send(
      String method,
      String path,
      byte[] body,
      String contentType,
      String idempotencyKey,
      Class<T> type) {
    String token = bearer();
    HttpResponse<String> response =
        exchange(request(method, path, body, contentType, idempotencyKey, token));
    if (response.statusCode() == 401 && renewAfterRefusal(token)) {
      response = exchange(request(method, path, body, contentType, idempotencyKey, bearer()));
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw OperatorApi.problem(status, response.body());
    }
    if (type == Void.class) {
      return null;
    }
    if (type == String.class) {
      return type.cast(response.body());
    }
    return read(response.body(), JSON.getTypeFactory().constructType(type));
  }

  /** The access token to send, renewed first when it expires within {@link #EARLY}. */
  private synchronized String bearer() {
    if (signedOut) {
      throw new ApiProblem(401, "urn:courtyard:problem:signed-out", "Signed out", "Sign in again.");
    }
    if (!clock.instant().isBefore(expiresAt.minus(EARLY))) {
      renew();
    }
    return accessToken;
  }

  /**
   * After a 401: renews once unless another request renewed already since {@code refused} was sent.
   * False when there is nothing to try again with.
   */
  private synchronized boolean renewAfterRefusal(String refused) {
    if (signedOut) {
      return false;
    }
    if (!refused.equals(accessToken)) {
      return true;
    }
    renew();
    return true;
  }

  private synchronized void renew() {
    try {
      take(tokens(anonymousPost(baseUrl, "auth/refresh", Map.of("refreshToken", refreshToken))));
    } catch (ApiProblem p) {
      if (p.status() == 401) {
        signedOut = true;
        accessToken = null;
        refreshToken = null;
      }
      throw p;
    }
  }

  private synchronized void take(StaffTokens t) {
    if (t.accessToken() == null || t.accessToken().isEmpty()) {
      throw new ApiProblem(502, "about:blank", "Unexpected answer", "No access token came back.");
    }
    accessToken = t.accessToken();
    refreshToken = t.refreshToken();
    expiresAt = clock.instant().plusSeconds(Math.max(0, t.expiresIn()));
    signedOut = false;
  }

  private HttpRequest request(
      String method,
      String path,
      byte[] body,
      String contentType,
      String idempotencyKey,
      String token) {
    HttpRequest.Builder b = builder(baseUrl, path);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null && contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return b.header("Authorization", "Bearer " + token).build();
  }

  private static HttpRequest.Builder builder(String baseUrl, String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    try {
      return HttpRequest.newBuilder(URI.create(baseUrl + "/" + relative))
          .timeout(TIMEOUT)
          .header("Accept", "application/json, application/problem+json, */*;q=0.5")
          .header("Accept-Language", UserLanguage.acceptLanguage(UserLanguage.current()));
    } catch (IllegalArgumentException e) {
      throw new ApiUnreachable(baseUrl, e);
    }
  }

  private static String anonymousPost(String baseUrl, String path, Object body) {
    HttpRequest request =
        builder(baseUrl, path)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)))
            .header("Content-Type", JSON_TYPE)
            .build();
    HttpResponse<String> response = exchange(baseUrl, request);
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw OperatorApi.problem(response.statusCode(), response.body());
    }
    return response.body();
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    return exchange(baseUrl, request);
  }

  private HttpResponse<byte[]> exchangeBytes(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiUnreachable(baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnreachable(baseUrl, e);
    }
  }

  private static HttpResponse<String> exchange(String baseUrl, HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiUnreachable(baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnreachable(baseUrl, e);
    }
  }

  private static StaffTokens tokens(String body) {
    JsonNode node = read(body, JSON.getTypeFactory().constructType(JsonNode.class));
    return new StaffTokens(
        node.path("accessToken").asText(null),
        node.path("expiresIn").asLong(900),
        node.path("refreshToken").asText(null),
        node.path("refreshExpiresIn").asLong(0));
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body == null ? Map.of() : body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static <T> T read(String body, JavaType type) {
    try {
      return JSON.readValue(body == null || body.isBlank() ? "null" : body, type);
    } catch (IOException e) {
      throw unexpected(e);
    }
  }

  private static <T> T read(String body, TypeReference<T> type) {
    return read(body, JSON.getTypeFactory().constructType(type));
  }

  private static ApiProblem unexpected(IOException e) {
    return new ApiProblem(
        502,
        "about:blank",
        "Unexpected answer",
        "The API answered with JSON this console does not understand: "
            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage()
                : e.getMessage()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String stripSlash(String url) {
    String u = url == null ? "" : url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
