package org.courtyard.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny HTTP client for the tests: real requests to the container's port, JSON in and out. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final String base;
  final String authorization;
  final String acceptLanguage;

  private Http(String base, String authorization) {
    this(base, authorization, null);
  }

  private Http(String base, String authorization, String acceptLanguage) {
    this.base = base;
    this.authorization = authorization;
    this.acceptLanguage = acceptLanguage;
  }

  static Http anonymous(int port) {
    return new Http("http://127.0.0.1:" + port + "/api/v1", null);
  }

  /** This client, sending {@code Accept-Language: acceptLanguage} with every request. */
  Http inLanguage(String acceptLanguage) {
    return new Http(base, authorization, acceptLanguage);
  }

  Http operator(String password) {
    return new Http(
        base,
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** HTTP Basic as operator account {@code user}. */
  Http operatorAccount(String user, String password) {
    return new Http(
        base,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  Http tenant(String token) {
    return new Http(base, "Bearer " + token);
  }

  /**
   * Onboards a tenant with these modules through this (operator) client and returns its one-time
   * admin token.
   */
  String onboard(String slug, List<String> modules) throws IOException, InterruptedException {
    Reply r = post("/operator/tenants", map("slug", slug, "name", slug, "modules", modules));
    org.junit.Assert.assertEquals(r.toString(), 201, r.status);
    return r.json.path("adminToken").asText();
  }

  String onboard(String slug, String... modules) throws IOException, InterruptedException {
    return onboard(slug, List.of(modules));
  }

  /**
   * Registers a water meter in the plant room through this (tenant) client and returns its one-time
   * MQTT password.
   */
  String meter(String id) throws IOException, InterruptedException {
    Reply r =
        post(
            "/devices/devices",
            map(
                "id",
                id,
                "type",
                "water-meter",
                "name",
                "Meter " + id,
                "location",
                map("kind", "area", "ref", "Plant room")));
    org.junit.Assert.assertEquals(r.toString(), 201, r.status);
    return r.json.path("mqtt").path("password").asText();
  }

  /** A JSON object from key, value, key, value…, in that order (values may be null). */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A password every test staff user gets: long enough and not a common one. */
  static final String STAFF_PASSWORD = "Courtyard-test-9417";

  /**
   * Through this (owner token) client: creates staff user {@code username}, grants {@code role} in
   * {@code scope} (company, estates or buildings, with ids), signs them in, and returns a client
   * carrying their access token.
   */
  Http staff(String tenant, String username, String role, String scope, Long... ids)
      throws IOException, InterruptedException {
    Reply user =
        post(
            "/identity/users",
            map("username", username, "displayName", username, "password", STAFF_PASSWORD));
    org.junit.Assert.assertEquals(user.toString(), 201, user.status);
    Reply grant =
        post(
            "/identity/users/" + user.json.path("id").asLong() + "/grants",
            map("role", role, "scope", scope, "ids", List.of(ids)));
    org.junit.Assert.assertEquals(grant.toString(), 201, grant.status);
    return new Http(base, null).signIn(tenant, username, STAFF_PASSWORD);
  }

  /** Signs in through this client's base address; fails unless it answered 200. */
  Http signIn(String tenant, String username, String password)
      throws IOException, InterruptedException {
    Reply r =
        new Http(base, null)
            .post("/auth/login", map("tenant", tenant, "username", username, "password", password));
    org.junit.Assert.assertEquals(r.toString(), 200, r.status);
    return new Http(base, "Bearer " + r.json.path("accessToken").asText());
  }

  /**
   * Signs a resident in with phone number {@code e164} (+86...): asks for a code, reads it where
   * the development (log) channel writes it, and sends it back. The verify call's reply.
   */
  Reply residentSignIn(String tenant, String e164) throws Exception {
    Reply sent =
        new Http(base, null).post("/auth/resident/code", map("tenant", tenant, "phone", e164));
    org.junit.Assert.assertEquals(sent.toString(), 202, sent.status);
    String masked =
        e164.substring(0, e164.length() - 8) + "****" + e164.substring(e164.length() - 4);
    String code = codeInLog(tenant, masked);
    return new Http(base, null)
        .post("/auth/resident/verify", map("tenant", tenant, "phone", e164, "code", code));
  }

  private static final java.util.regex.Pattern SIGN_IN_CODE =
      java.util.regex.Pattern.compile("验证码是 ([0-9]{6})");

  /** The code of the log channel's latest sign-in message to {@code masked} for {@code tenant}. */
  static String codeInLog(String tenant, String masked) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.log"), "karaf.log");
    String marker = "for " + masked + " (sign-in-code, zh-CN, tenant " + tenant + ")";
    while (true) {
      String text = java.nio.file.Files.readString(log);
      int at = text.lastIndexOf(marker);
      if (at >= 0) {
        java.util.regex.Matcher m = SIGN_IN_CODE.matcher(text.substring(at));
        if (m.find()) {
          return m.group(1);
        }
      }
      if (System.currentTimeMillis() > deadline) {
        org.junit.Assert.fail("no sign-in code for " + masked + " of " + tenant + " in the log");
      }
      Thread.sleep(200);
    }
  }

  /** The id of what a POST created; fails unless it answered 201. */
  static long id(Reply r) {
    org.junit.Assert.assertEquals(r.toString(), 201, r.status);
    return r.json.path("id").asLong();
  }

  /** A response: status, content type and parsed JSON body (null when empty). */
  static final class Reply {
    final int status;
    final String contentType;
    final String text;
    final JsonNode json;
    private java.net.http.HttpHeaders headers;

    Reply(int status, String contentType, String text) throws IOException {
      this.status = status;
      this.contentType = contentType;
      this.text = text;
      // Only JSON bodies are parsed: while the container starts, Jetty and CXF answer with HTML.
      this.json =
          text == null || text.isBlank() || !contentType.contains("json")
              ? null
              : JSON.readTree(text);
    }

    /** A response header's first value, or null. */
    String header(String name) {
      return headers == null ? null : headers.firstValue(name).orElse(null);
    }

    String problemType() {
      return json == null ? null : json.path("type").asText().replace("urn:courtyard:problem:", "");
    }

    @Override
    public String toString() {
      String incident = json == null ? "" : json.path("incident").asText("");
      return status + " " + contentType + " " + text + (incident.isEmpty() ? "" : logOf(incident));
    }
  }

  /**
   * The container log's lines from the one that names {@code incident} on (its stack trace), so a
   * 500 in a CI run explains itself in the test report.
   */
  static String logOf(String incident) {
    String dir = System.getProperty("karaf.log");
    if (dir == null) {
      return "";
    }
    try {
      List<String> lines =
          java.nio.file.Files.readAllLines(java.nio.file.Path.of(dir, "karaf.log"));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(incident)) {
          StringBuilder out = new StringBuilder("\n--- karaf.log at incident " + incident + "\n");
          for (int j = Math.max(0, i - 5); j < Math.min(lines.size(), i + 60); j++) {
            out.append(lines.get(j)).append('\n');
          }
          return out.toString();
        }
      }
      return "\n(incident " + incident + " is not in karaf.log)";
    } catch (IOException | RuntimeException e) {
      return "\n(karaf.log unreadable: " + e + ")";
    }
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  Reply delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String ? (String) body : JSON.writeValueAsString(body))));
  }

  Reply put(String path, Object body) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String ? (String) body : JSON.writeValueAsString(body))));
  }

  Reply postCsv(String path, String csv) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
  }

  Reply postBytes(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /**
   * Any request, exactly as given, for tests of the API's edges: the path is used as it is (encode
   * it yourself), headers are added to this client's credential, the body may be null. With {@code
   * expectContinue} the request asks {@code Expect: 100-continue}, as clients do for large bodies.
   * The reply is not parsed.
   */
  HttpResponse<String> raw(
      String method, String path, Map<String, String> headers, byte[] body, boolean expectContinue)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        request(path)
            .expectContinue(expectContinue)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET whose body is bytes (a photo, a thumbnail), with extra headers. */
  HttpResponse<byte[]> getBytes(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).GET();
    headers.forEach(b::header);
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return b;
  }

  private static Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    Reply reply =
        new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    reply.headers = r.headers();
    return reply;
  }
}
