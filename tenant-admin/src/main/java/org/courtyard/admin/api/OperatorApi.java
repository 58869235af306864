package org.courtyard.admin.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's only way to the platform: the operator REST API under {@code <base>/operator}. The
 * console signs in ({@link #signIn}: name, password and, for an account with a second factor, a
 * code) and sends the session token as Bearer; HTTP Basic as user {@code operator} remains for
 * tests and tools. Every error answer becomes an {@link ApiProblem}, every network failure an
 * {@link ApiUnreachable}.
 */
public final class OperatorApi implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String USER = "operator";

  /** Onboarding and module changes install features and migrate schemas: allow them time. */
  static final Duration SLOW = Duration.ofSeconds(180);

  static final Duration FAST = Duration.ofSeconds(20);

  private static final ObjectMapper JSON =
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

  private final String baseUrl;
  private final String authorization;

  /**
   * @param baseUrl the API root, e.g. {@code http://localhost:8181/api/v1}
   */
  public OperatorApi(String baseUrl, String password) {
    this(
        baseUrl,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)),
        true);
  }

  /**
   * @param authorization the whole Authorization header value, or null for none
   */
  private OperatorApi(String baseUrl, String authorization, boolean headerValue) {
    this.baseUrl = stripSlash(baseUrl);
    this.authorization = authorization;
  }

  /**
   * Signs an operator in ({@code POST /operator/sign-in}) and returns a client that sends the
   * session token. {@code totp} may be null or blank for an account without a second factor.
   *
   * @throws ApiProblem 401 {@code invalid-credentials}, {@code totp-required} (ask for the code),
   *     {@code totp-invalid}; 429 after too many failures
   */
  public static OperatorApi signIn(String baseUrl, String username, String password, String totp) {
    OperatorApi anonymous = new OperatorApi(baseUrl, null, true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", password);
    body.put("totp", totp == null || totp.isBlank() ? null : totp.strip());
    JsonNode session = read(anonymous.send("POST", "sign-in", json(body), FAST), JsonNode.class);
    return new OperatorApi(baseUrl, "Bearer " + session.path("token").asText(), true);
  }

  /** Ends this client's session (nothing to end for HTTP Basic). */
  public void signOut() {
    send("POST", "me/sign-out", json(Map.of()), FAST);
  }

  /** Who this client is signed in as. */
  public SignedIn me() {
    return read(get("me"), SignedIn.class);
  }

  // ---------------------------------------------------------------------- operator accounts

  public List<OperatorAccount> operators() {
    return read(get("accounts"), new TypeReference<List<OperatorAccount>>() {});
  }

  /** Creates an account; its random first password is in the answer, once. */
  public CreatedOperator createOperator(String username, String role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username == null ? null : username.strip());
    body.put("role", role);
    return read(send("POST", "accounts", json(body), FAST), CreatedOperator.class);
  }

  /** Disables an account; 409 {@code last-owner} when no active owner would remain. */
  public OperatorAccount disableOperator(String username) {
    return read(
        send("POST", "accounts/" + path(username) + "/disable", json(Map.of()), FAST),
        OperatorAccount.class);
  }

  public OperatorAccount enableOperator(String username) {
    return read(
        send("POST", "accounts/" + path(username) + "/enable", json(Map.of()), FAST),
        OperatorAccount.class);
  }

  /** Removes another operator's second factor and ends its sessions. */
  public void resetOperatorTotp(String username) {
    send("POST", "accounts/" + path(username) + "/totp/reset", json(Map.of()), FAST);
  }

  /** A new second-factor secret for the signed-in operator's authenticator app. */
  public TotpSetup setUpTotp() {
    return read(send("POST", "me/totp", json(Map.of()), FAST), TotpSetup.class);
  }

  /** Turns the second factor on with a first code from the app. */
  public void confirmTotp(String code) {
    send("POST", "me/totp/confirm", json(Map.of("code", code == null ? "" : code.strip())), FAST);
  }

  /** Turns the second factor off with a current code. */
  public void disableTotp(String code) {
    send("POST", "me/totp/disable", json(Map.of("code", code == null ? "" : code.strip())), FAST);
  }

  public String baseUrl() {
    return baseUrl;
  }

  // ------------------------------------------------------------------------------ tenants

  public List<Tenant> tenants() {
    return read(get("tenants"), new TypeReference<List<Tenant>>() {});
  }

  public Tenant tenant(String slug) {
    return read(get("tenants/" + path(slug)), Tenant.class);
  }

  public CreatedTenant onboard(String slug, String name, List<String> modules) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", slug);
    body.put("name", name);
    body.put("modules", modules == null ? List.of() : modules);
    return read(send("POST", "tenants", json(body), SLOW), CreatedTenant.class);
  }

  /** Deletes every record of the tenant; {@code confirm} must repeat the slug. */
  public void offboard(String slug, String confirm) {
    send(
        "DELETE",
        "tenants/" + path(slug) + "?confirm=" + URLEncoder.encode(confirm, StandardCharsets.UTF_8),
        HttpRequest.BodyPublishers.noBody(),
        SLOW);
  }

  public Tenant suspend(String slug, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason.strip());
    }
    return read(send("POST", "tenants/" + path(slug) + "/suspend", json(body), FAST), Tenant.class);
  }

  public Tenant resume(String slug) {
    return read(
        send("POST", "tenants/" + path(slug) + "/resume", json(Map.of()), FAST), Tenant.class);
  }

  // ------------------------------------------------------------------------------ modules

  public List<ModuleInfo> modules() {
    return read(get("modules"), new TypeReference<List<ModuleInfo>>() {});
  }

  public ModuleChange enableModule(String slug, String module) {
    return read(
        send(
            "POST",
            "tenants/" + path(slug) + "/modules/" + path(module),
            HttpRequest.BodyPublishers.noBody(),
            SLOW),
        ModuleChange.class);
  }

  /** Sets the modules the tenant may enable; null allows every module. */
  public Tenant setPlan(String slug, List<String> modules) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("modules", modules);
    return read(send("PUT", "tenants/" + path(slug) + "/plan", json(body), FAST), Tenant.class);
  }

  public ModuleChange disableModule(String slug, String module) {
    return read(
        send(
            "DELETE",
            "tenants/" + path(slug) + "/modules/" + path(module),
            HttpRequest.BodyPublishers.noBody(),
            SLOW),
        ModuleChange.class);
  }

  // ------------------------------------------------------------------------------- health

  public Health health() {
    return read(get("health"), Health.class);
  }

  public List<TenantStats> stats() {
    return read(get("stats"), new TypeReference<List<TenantStats>>() {});
  }

  public Traffic traffic(int minutes) {
    return read(get("traffic?minutes=" + minutes), Traffic.class);
  }

  // ------------------------------------------------------------------------------ drivers

  public List<Driver> drivers() {
    return read(get("drivers"), new TypeReference<List<Driver>>() {});
  }

  public List<DriverPackage> driverPackages() {
    return read(get("drivers/packages"), new TypeReference<List<DriverPackage>>() {});
  }

  public List<Approval> approvals() {
    return read(get("drivers/approvals"), new TypeReference<List<Approval>>() {});
  }

  public Approval approve(String sha256, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sha256", sha256);
    body.put("note", note == null || note.isBlank() ? null : note.strip());
    return read(send("POST", "drivers/approvals", json(body), FAST), Approval.class);
  }

  /** Installs a driver jar, or upgrades the bundle of an earlier upload to this newer version. */
  public DriverPackage uploadDriver(byte[] jar) {
    HttpRequest request =
        request("drivers/packages", SLOW)
            .header("Content-Type", "application/java-archive")
            .POST(HttpRequest.BodyPublishers.ofByteArray(jar))
            .build();
    return read(exchange(request), DriverPackage.class);
  }

  public DriverPackage disablePackage(String symbolicName) {
    return packageAction(symbolicName, "disable");
  }

  public DriverPackage enablePackage(String symbolicName) {
    return packageAction(symbolicName, "enable");
  }

  private DriverPackage packageAction(String symbolicName, String action) {
    return read(
        send(
            "POST",
            "drivers/packages/" + path(symbolicName) + "/" + action,
            HttpRequest.BodyPublishers.noBody(),
            SLOW),
        DriverPackage.class);
  }

  /** Lets a quarantined driver decode again. */
  public void releaseDriver(String id) {
    send("POST", "drivers/" + path(id) + "/release", HttpRequest.BodyPublishers.noBody(), FAST);
  }

  // ----------------------------------------------------------------------------- plumbing

  private String get(String relative) {
    return exchange(request(relative, FAST).GET().build());
  }

  private String send(
      String method, String relative, HttpRequest.BodyPublisher body, Duration timeout) {
    HttpRequest.Builder builder = request(relative, timeout).method(method, body);
    if (body.contentLength() != 0) {
      builder.header("Content-Type", "application/json");
    }
    return exchange(builder.build());
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private HttpRequest.Builder request(String relative, Duration timeout) {
    URI uri;
    try {
      uri = URI.create(baseUrl + "/operator/" + relative);
    } catch (IllegalArgumentException e) {
      throw new ApiUnreachable(baseUrl, e);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json")
            .header("Accept-Language", UserLanguage.acceptLanguage(UserLanguage.current()));
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private String exchange(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ApiUnreachable(baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnreachable(baseUrl, e);
    } catch (IllegalArgumentException e) {
      throw new ApiUnreachable(baseUrl, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    throw problem(status, response.body());
  }

  /** The problem document of an error answer, or a stand-in when the body is not one. */
  static ApiProblem problem(int status, String body) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (node != null && node.isObject() && node.hasNonNull("title")) {
        return new ApiProblem(
            node.path("status").asInt(status),
            node.path("type").asText("about:blank"),
            node.path("title").asText(),
            node.hasNonNull("detail") ? node.path("detail").asText() : null,
            extensions(node));
      }
    } catch (IOException e) {
      // not JSON: described below
    }
    String text = body == null ? "" : body.strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    return new ApiProblem(
        status,
        "about:blank",
        "HTTP " + status,
        text.isEmpty() ? null : text.replaceAll("<[^>]*>", ""));
  }

  private static final List<String> PROBLEM_MEMBERS =
      List.of("type", "title", "status", "detail", "instance");

  /** A problem's extension members as plain JSON values (field or row errors, counts). */
  private static Map<String, Serializable> extensions(JsonNode problem) {
    Map<String, Serializable> extensions = new LinkedHashMap<>();
    problem
        .fields()
        .forEachRemaining(
            member -> {
              if (!PROBLEM_MEMBERS.contains(member.getKey()) && !member.getValue().isNull()) {
                // maps, lists, strings, numbers, booleans: all serializable
                extensions.put(
                    member.getKey(),
                    (Serializable) JSON.convertValue(member.getValue(), Object.class));
              }
            });
    return extensions;
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw unexpected(e);
    }
  }

  private static <T> T read(String body, TypeReference<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw unexpected(e);
    }
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

  private static String path(String segment) {
    return URLEncoder.encode(segment == null ? "" : segment, StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static String stripSlash(String url) {
    String u = url == null ? "" : url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
