package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for the platform's operator API ({@code /api/v1/operator}): the same
 * paths, JSON shapes, status codes and problem+json errors, kept in memory. {@link
 * OperatorApiContract} runs against it and against the real platform, which keeps it faithful.
 */
public final class FakeOperatorApi implements AutoCloseable {

  static final String PROBLEM = "urn:courtyard:problem:";
  static final String PREFIX = "/api/v1/operator";
  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9_]{2,39}$");
  private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A module of the fake container: the platform's five, with their requirements. */
  record Module(String id, String title, String description, List<String> requires) {}

  static final List<Module> MODULES =
      List.of(
          new Module(
              "billing",
              "Fees and billing",
              "Fee items, bills, payments (费用管理)",
              List.of("estate")),
          new Module("devices", "Devices", "Smart devices (智能设备) over MQTT", List.of("estate")),
          new Module(
              "estate",
              "Estate base data",
              "Estates, buildings, units and rooms (基础信息管理)",
              List.of()),
          new Module(
              "residents",
              "Residents and owners",
              "Owners and residents (业主信息管理)",
              List.of("estate")),
          new Module("security", "Security", "Access log and alarms (安防管理)", List.of("devices")));

  static final String MODULE_VERSION = "0.1.0.SNAPSHOT";

  private static final class TenantState {
    final String slug;
    final String name;
    final Instant createdAt;
    final Set<String> modules = new TreeSet<>();

    /** The modules the plan allows; null: every module. */
    Set<String> plan;

    String status = "active";
    String statusReason;
    int rooms;
    int residents;
    int devices;

    TenantState(String slug, String name, Instant createdAt) {
      this.slug = slug;
      this.name = name;
      this.createdAt = createdAt;
    }
  }

  private static final class DriverState {
    final String id;
    final String name;
    final String vendor;
    final String version;
    final List<String> deviceTypes;
    String state = "active";
    String reason;
    Instant quarantinedAt;

    DriverState(String id, String name, String vendor, String version, List<String> deviceTypes) {
      this.id = id;
      this.name = name;
      this.vendor = vendor;
      this.version = version;
      this.deviceTypes = deviceTypes;
    }
  }

  private record PackageState(
      String sha256,
      String symbolicName,
      String version,
      int size,
      String state,
      Instant uploadedAt,
      Instant replacedAt) {}

  private record ApprovalState(String sha256, String note, Instant approvedAt) {}

  private static final class AccountState {
    final String username;
    final String password;
    final String role;
    final Instant createdAt;
    String status = "active";
    String totpSecret;
    boolean totpConfirmed;
    long lastStep;

    AccountState(String username, String password, String role, Instant createdAt) {
      this.username = username;
      this.password = password;
      this.role = role;
      this.createdAt = createdAt;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String password;
  private final Instant started = Instant.now();
  private final SecureRandom random = new SecureRandom();

  private final Map<String, TenantState> tenants = new TreeMap<>();
  private final Set<String> installedModules = new TreeSet<>();
  private final Map<String, DriverState> drivers = new LinkedHashMap<>();
  private final List<PackageState> packages = new ArrayList<>();
  private final Map<String, ApprovalState> approvals = new LinkedHashMap<>();
  private final Map<String, AccountState> accounts = new LinkedHashMap<>();
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Map<Instant, AtomicInteger> apiPerMinute = new ConcurrentHashMap<>();
  private final Map<Instant, AtomicInteger> ingestPerMinute = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Duration slowness = Duration.ZERO;
  private volatile boolean databaseDown;

  private FakeOperatorApi(String password) throws IOException {
    this.password = password;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-operator-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    accounts.put("operator", new AccountState("operator", password, "owner", started));
    DriverState meter =
        new DriverState("jsonmeter", "JSON meter", "Courtyard samples", "1.2.0", List.of("meter"));
    drivers.put(meter.id, meter);
    DriverState gate =
        new DriverState("gateframe", "Gate frame", "Courtyard samples", "2.0.1", List.of("gate"));
    drivers.put(gate.id, gate);
  }

  /** Starts on a free loopback port; the operator's password is {@code password}. */
  public static FakeOperatorApi start(String password) {
    try {
      FakeOperatorApi api = new FakeOperatorApi(password);
      api.server.start();
      return api;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake operator API", e);
    }
  }

  /** The API root, like {@code COURTYARD_API_URL}: {@code http://127.0.0.1:<port>/api/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
  }

  public String password() {
    return password;
  }

  /** How long onboarding and module changes take, as installing features does on the platform. */
  public void slowness(Duration d) {
    slowness = d;
  }

  /** Requests answered so far, authorized or not. */
  public int requests() {
    return requests.get();
  }

  public synchronized void quarantine(String driverId, String reason) {
    DriverState d = drivers.get(driverId);
    d.state = "quarantined";
    d.reason = reason;
    d.quarantinedAt = Instant.now();
  }

  /**
   * Adds an operator account; with a {@code totpSecret} (Base32) its second factor is on, so it
   * signs in with a code of {@link #totp}.
   */
  public synchronized void addOperator(
      String username, String password, String role, String totpSecret) {
    AccountState a = new AccountState(username, password, role, Instant.now());
    a.totpSecret = totpSecret;
    a.totpConfirmed = totpSecret != null;
    accounts.put(username, a);
  }

  /** Whether the account's second factor is on. */
  public synchronized boolean hasTotp(String username) {
    AccountState a = accounts.get(username);
    return a != null && a.totpConfirmed;
  }

  /** Open sign-in sessions. */
  public int sessions() {
    return sessions.size();
  }

  public synchronized void databaseDown(boolean down) {
    databaseDown = down;
  }

  /** Sets a tenant's counts as the stats endpoint reports them. */
  public synchronized void counts(String slug, int rooms, int residents, int devices) {
    TenantState t = tenants.get(slug);
    t.rooms = rooms;
    t.residents = residents;
    t.devices = devices;
  }

  /** Device messages stored in the current minute, for the traffic chart. */
  public void ingested(int messages) {
    ingestPerMinute
        .computeIfAbsent(Instant.now().truncatedTo(ChronoUnit.MINUTES), m -> new AtomicInteger())
        .addAndGet(messages);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------------------------ dispatch

  private record Answer(int status, Object body) {}

  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;
    final String title;

    Problem(int status, String type, String title, String detail) {
      super(detail);
      this.status = status;
      this.type = type;
      this.title = title;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    apiPerMinute
        .computeIfAbsent(Instant.now().truncatedTo(ChronoUnit.MINUTES), m -> new AtomicInteger())
        .incrementAndGet();
    String path = exchange.getRequestURI().getRawPath();
    Answer answer;
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String who;
      if (path.equals("/api/v1/ping")) {
        answer = new Answer(200, Map.of("status", "ok"));
      } else if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
        throw new Problem(404, "not-found", "Not found", "No such resource.");
      } else if (path.equals(PREFIX + "/sign-in") && exchange.getRequestMethod().equals("POST")) {
        answer = signIn(json(body));
      } else if ((who = caller(exchange.getRequestHeaders().getFirst("Authorization"))) == null) {
        exchange
            .getResponseHeaders()
            .add(
                "WWW-Authenticate",
                "Basic realm=\"courtyard-operator\", Bearer realm=\"courtyard-operator\"");
        throw new Problem(
            401,
            "unauthorized",
            "Unauthorized",
            "This endpoint needs an operator credential: HTTP Basic (user 'operator' or another"
                + " operator account), or Authorization: Bearer with a session token from POST"
                + " /api/v1/operator/sign-in.");
      } else {
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(PREFIX.length()).split("/")) {
          if (!s.isEmpty()) {
            segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
          }
        }
        if (!exchange.getRequestMethod().equals("GET")
            && !(segments.size() > 0 && segments.get(0).equals("me"))
            && role(who).equals("support")) {
          throw new Problem(
              403,
              "operator-read-only",
              "Read-only operator",
              "Operator '"
                  + who
                  + "' has the support role, which may look but not change anything.");
        }
        answer =
            route(
                who,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestMethod(),
                segments,
                query(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body);
      }
    } catch (Problem p) {
      ObjectNode problem = JSON.createObjectNode();
      problem.put("type", PROBLEM + p.type);
      problem.put("title", p.title);
      problem.put("status", p.status);
      problem.put("detail", p.getMessage());
      problem.put("instance", path);
      send(exchange, p.status, "application/problem+json", JSON.writeValueAsBytes(problem));
      return;
    } catch (RuntimeException e) {
      ObjectNode problem = JSON.createObjectNode();
      problem.put("type", PROBLEM + "internal-error");
      problem.put("title", "Internal error");
      problem.put("status", 500);
      problem.put("detail", "The fake failed: " + e);
      send(exchange, 500, "application/problem+json", JSON.writeValueAsBytes(problem));
      return;
    }
    if (answer.body == null) {
      exchange.sendResponseHeaders(answer.status, -1);
      exchange.close();
    } else {
      send(exchange, answer.status, "application/json", JSON.writeValueAsBytes(answer.body));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * The operator a request's credential names (Basic or a session), null for none or a wrong one.
   */
  private synchronized String caller(String header) {
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String user = sessions.get(header.substring(7).trim());
      AccountState a = user == null ? null : accounts.get(user);
      return a != null && a.status.equals("active") ? user : null;
    }
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    AccountState a = colon < 0 ? null : accounts.get(decoded.substring(0, colon));
    if (a == null
        || !a.status.equals("active")
        || !a.password.equals(decoded.substring(colon + 1))) {
      return null;
    }
    if (a.totpConfirmed) {
      throw new Problem(
          401,
          "operator-sign-in-required",
          "Sign in with your code",
          "Operator '"
              + a.username
              + "' has a second factor, which HTTP Basic cannot carry: sign in with POST"
              + " /api/v1/operator/sign-in {username, password, totp} and send the session token"
              + " as Authorization: Bearer.");
    }
    return a.username;
  }

  private synchronized String role(String username) {
    return accounts.get(username).role;
  }

  // ------------------------------------------------------------------ sign-in and accounts

  private synchronized Answer signIn(JsonNode body) {
    AccountState a = accounts.get(body.path("username").asText());
    if (a == null
        || !a.status.equals("active")
        || !a.password.equals(body.path("password").asText())) {
      throw new Problem(
          401,
          "invalid-credentials",
          "Wrong user name or password",
          "The operator name or password is wrong, or the account is disabled.");
    }
    if (a.totpConfirmed) {
      String code = body.path("totp").asText("");
      if (code.isBlank()) {
        throw new Problem(
            401,
            "totp-required",
            "Code required",
            "Operator '"
                + a.username
                + "' signs in with a code from its authenticator app: send it as totp.");
      }
      consume(a, code);
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = "cyo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    sessions.put(token, a.username);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("token", token);
    m.put("username", a.username);
    m.put("role", a.role);
    m.put("expiresAt", Instant.now().plus(Duration.ofHours(12)).toString());
    m.put("idleMinutes", 30);
    return ok(m);
  }

  private void consume(AccountState a, String code) {
    long step = Instant.now().getEpochSecond() / 30;
    for (long s = step - 1; s <= step + 1; s++) {
      if (s > a.lastStep && code.strip().equals(totp(a.totpSecret, s * 30))) {
        a.lastStep = s;
        return;
      }
    }
    throw new Problem(
        401,
        "totp-invalid",
        "Wrong code",
        "The code is wrong, expired or was used already. Use the current one from the app.");
  }

  private synchronized Answer accountsRoute(String method, List<String> p, byte[] body) {
    int n = p.size();
    if (n == 1 && method.equals("GET")) {
      List<Object> list = new ArrayList<>();
      accounts.values().forEach(a -> list.add(accountJson(a)));
      return ok(list);
    }
    if (n == 1 && method.equals("POST")) {
      JsonNode b = json(body);
      String name = b.path("username").asText("");
      String role = b.path("role").asText("");
      if (!name.matches("^[a-z][a-z0-9._-]{1,39}$") || !Set.of("owner", "support").contains(role)) {
        throw new Problem(
            422,
            "validation-failed",
            "Invalid input",
            "username: must be 2 to 40 lower-case letters, digits, dots, dashes or underscores;"
                + " role: must be owner or support");
      }
      if (accounts.containsKey(name)) {
        throw new Problem(
            409, "duplicate", "Duplicate", "An operator named '" + name + "' already exists.");
      }
      byte[] raw = new byte[18];
      random.nextBytes(raw);
      String first = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      AccountState a = new AccountState(name, first, role, Instant.now());
      accounts.put(name, a);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", accountJson(a));
      m.put("password", first);
      return new Answer(201, m);
    }
    AccountState a = n >= 2 ? accounts.get(p.get(1)) : null;
    if (a == null) {
      throw new Problem(
          404, "not-found", "Operator not found", "Operator '" + p.get(1) + "' does not exist.");
    }
    if (n == 3 && method.equals("POST") && p.get(2).equals("disable")) {
      boolean otherOwner =
          accounts.values().stream()
              .anyMatch(o -> o != a && o.role.equals("owner") && o.status.equals("active"));
      if (a.role.equals("owner") && !otherOwner) {
        throw new Problem(
            409,
            "last-owner",
            "Last owner",
            "'" + a.username + "' is the last active owner; enable or create another owner first.");
      }
      a.status = "disabled";
      sessions.values().removeIf(u -> u.equals(a.username));
      return ok(accountJson(a));
    }
    if (n == 3 && method.equals("POST") && p.get(2).equals("enable")) {
      a.status = "active";
      return ok(accountJson(a));
    }
    if (n == 4 && method.equals("POST") && p.get(2).equals("totp") && p.get(3).equals("reset")) {
      a.totpSecret = null;
      a.totpConfirmed = false;
      a.lastStep = 0;
      sessions.values().removeIf(u -> u.equals(a.username));
      return new Answer(204, null);
    }
    throw new Problem(404, "not-found", "Not found", "No such resource.");
  }

  private synchronized Answer meRoute(
      String who, String authorization, String method, List<String> p, byte[] body) {
    AccountState a = accounts.get(who);
    int n = p.size();
    if (n == 1 && method.equals("GET")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("username", a.username);
      m.put("role", a.role);
      m.put("totp", a.totpConfirmed);
      m.put(
          "authentication",
          authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
              ? "Bearer"
              : "BASIC");
      return ok(m);
    }
    if (n == 2 && method.equals("POST") && p.get(1).equals("sign-out")) {
      if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        sessions.remove(authorization.substring(7).trim());
      }
      return new Answer(204, null);
    }
    if (n == 2 && method.equals("POST") && p.get(1).equals("totp")) {
      if (a.totpConfirmed) {
        throw new Problem(
            409,
            "totp-already-enabled",
            "Second factor already set up",
            "Turn the second factor off first (with a current code), or ask an owner to reset"
                + " it.");
      }
      byte[] raw = new byte[20];
      random.nextBytes(raw);
      a.totpSecret = base32(raw);
      a.lastStep = 0;
      String uri =
          "otpauth://totp/Courtyard%20%28operator%29%3A"
              + a.username
              + "?secret="
              + a.totpSecret
              + "&issuer=Courtyard&algorithm=SHA1&digits=6&period=30";
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("secret", a.totpSecret);
      m.put("uri", uri);
      m.put("digits", 6);
      m.put("periodSeconds", 30);
      return ok(m);
    }
    if (n == 3 && method.equals("POST") && p.get(1).equals("totp")) {
      boolean confirming = p.get(2).equals("confirm");
      if (a.totpSecret == null || a.totpConfirmed != !confirming) {
        throw new Problem(
            409,
            "totp-not-set-up",
            "Nothing to confirm",
            "Start with POST /api/v1/operator/me/totp, then confirm with a code from the app.");
      }
      consume(a, json(body).path("code").asText(""));
      if (confirming) {
        a.totpConfirmed = true;
      } else {
        a.totpSecret = null;
        a.totpConfirmed = false;
      }
      return new Answer(204, null);
    }
    throw new Problem(404, "not-found", "Not found", "No such resource.");
  }

  private static Map<String, Object> accountJson(AccountState a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", a.username);
    m.put("role", a.role);
    m.put("status", a.status);
    m.put("createdAt", a.createdAt.toString());
    m.put("totp", a.totpConfirmed);
    return m;
  }

  /** The code an authenticator app shows for {@code secret} (Base32) at epoch second {@code at}. */
  public static String totp(String secret, long at) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(new javax.crypto.spec.SecretKeySpec(base32Decode(secret), "HmacSHA1"));
      byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(at / 30).array());
      int off = h[h.length - 1] & 0x0f;
      int bin =
          ((h[off] & 0x7f) << 24)
              | ((h[off + 1] & 0xff) << 16)
              | ((h[off + 2] & 0xff) << 8)
              | (h[off + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #totp(String, long)} now. */
  public static String totp(String secret) {
    return totp(secret, Instant.now().getEpochSecond());
  }

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] base32Decode(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) {
        continue;
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.put(k, v);
      }
    }
    return q;
  }

  private Answer route(
      String who,
      String authorization,
      String method,
      List<String> p,
      Map<String, String> query,
      String contentType,
      byte[] body) {
    String first = p.isEmpty() ? "" : p.get(0);
    int n = p.size();
    switch (first) {
      case "accounts":
        return accountsRoute(method, p, body);
      case "me":
        return meRoute(who, authorization, method, p, body);
      case "tenants":
        if (n == 1 && method.equals("GET")) {
          return ok(listTenants());
        }
        if (n == 1 && method.equals("POST")) {
          return onboard(json(body));
        }
        if (n == 2 && method.equals("GET")) {
          return ok(tenantJson(tenant(p.get(1))));
        }
        if (n == 2 && method.equals("DELETE")) {
          return offboard(p.get(1), query.get("confirm"));
        }
        if (n == 3 && method.equals("POST") && p.get(2).equals("suspend")) {
          JsonNode b = body.length == 0 ? JSON.createObjectNode() : json(body);
          return ok(suspend(p.get(1), b.hasNonNull("reason") ? b.get("reason").asText() : null));
        }
        if (n == 3 && method.equals("POST") && p.get(2).equals("resume")) {
          return ok(resume(p.get(1)));
        }
        if (n == 3 && method.equals("PUT") && p.get(2).equals("plan")) {
          return ok(setPlan(p.get(1), json(body)));
        }
        if (n == 4 && p.get(2).equals("modules") && method.equals("POST")) {
          return ok(enable(p.get(1), p.get(3)));
        }
        if (n == 4 && p.get(2).equals("modules") && method.equals("DELETE")) {
          return ok(disable(p.get(1), p.get(3)));
        }
        break;
      case "modules":
        if (n == 1 && method.equals("GET")) {
          return ok(modules());
        }
        break;
      case "health":
        if (n == 1 && method.equals("GET")) {
          return ok(health());
        }
        break;
      case "stats":
        if (n == 1 && method.equals("GET")) {
          return ok(stats());
        }
        break;
      case "traffic":
        if (n == 1 && method.equals("GET")) {
          return ok(traffic(query.get("minutes")));
        }
        break;
      case "drivers":
        return drivers(method, p, contentType, body);
      default:
        break;
    }
    throw new Problem(404, "not-found", "Not found", "No such resource.");
  }

  private static Answer ok(Object body) {
    return new Answer(200, body);
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) {
      throw new Problem(
          400, "missing-body", "Missing body", "Send {\"slug\": ..., \"name\": ...}.");
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new Problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON.");
    }
  }

  private void pause() {
    Duration d = slowness;
    if (!d.isZero()) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ------------------------------------------------------------------------------ tenants

  private synchronized List<Object> listTenants() {
    List<Object> out = new ArrayList<>();
    tenants.values().forEach(t -> out.add(tenantJson(t)));
    return out;
  }

  private static Map<String, Object> tenantJson(TenantState t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slug", t.slug);
    m.put("name", t.name);
    m.put("status", t.status);
    m.put("statusReason", t.statusReason);
    m.put("schema", "t_" + t.slug);
    m.put("createdAt", t.createdAt.toString());
    m.put("modules", new ArrayList<>(t.modules));
    m.put("plan", t.plan == null ? null : new ArrayList<>(t.plan));
    return m;
  }

  private Map<String, Object> setPlan(String slug, JsonNode body) {
    TenantState t = tenant(slug);
    JsonNode modules = body.path("modules");
    Set<String> plan = null;
    if (!modules.isMissingNode() && !modules.isNull()) {
      plan = new TreeSet<>();
      for (JsonNode m : modules) {
        if (MODULES.stream().noneMatch(known -> known.id.equals(m.asText()))) {
          throw new Problem(
              422,
              "unknown-module",
              "Unknown module",
              "The container offers no module '" + m.asText() + "'.");
        }
        plan.add(m.asText());
      }
    }
    synchronized (this) {
      if (plan != null) {
        List<String> left = new ArrayList<>(t.modules);
        left.removeAll(plan);
        if (!left.isEmpty()) {
          throw new Problem(
              409,
              "module-enabled",
              "Module enabled",
              "The plan would leave out "
                  + String.join(", ", left)
                  + ", enabled for '"
                  + slug
                  + "'. Disable it first; its data is kept.");
        }
      }
      t.plan = plan;
      return tenantJson(t);
    }
  }

  private synchronized TenantState tenant(String slug) {
    TenantState t = tenants.get(slug);
    if (t == null) {
      throw new Problem(
          404, "tenant-not-found", "Tenant not found", "There is no tenant '" + slug + "'.");
    }
    return t;
  }

  private static Module module(String id) {
    return MODULES.stream()
        .filter(m -> m.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new Problem(
                    404,
                    "module-not-found",
                    "Unknown module",
                    "There is no module '" + id + "' in this container."));
  }

  private static Problem missing(String module, String required) {
    return new Problem(
        409,
        "module-requires",
        "Required module not enabled",
        "Module '"
            + module
            + "' requires module '"
            + required
            + "', which is not enabled for this tenant. Enable '"
            + required
            + "' first.");
  }

  private Answer onboard(JsonNode body) {
    long start = System.nanoTime();
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("slug", "name", "modules").contains(f)) {
        throw new Problem(
            400,
            "malformed-json",
            "Malformed JSON",
            "Unknown property '" + f + "'; known properties: modules, name, slug.");
      }
    }
    String slug = body.path("slug").isTextual() ? body.get("slug").asText() : null;
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new Problem(
          400,
          "invalid-tenant-slug",
          "Invalid tenant slug",
          "A tenant slug starts with a lower-case letter, followed by 2 to 39 lower-case letters,"
              + " digits or underscores (got "
              + (slug == null ? "nothing" : "\"" + slug + "\", " + slug.length() + " characters")
              + ").");
    }
    String name = body.path("name").isTextual() ? body.get("name").asText().strip() : "";
    if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      throw new Problem(
          400,
          "invalid-tenant-name",
          "Invalid tenant name",
          "A tenant name is 1 to 200 characters without control characters.");
    }
    List<String> wanted = new ArrayList<>();
    body.path("modules").forEach(m -> wanted.add(m.asText()));
    for (String m : wanted) {
      for (String r : module(m).requires) {
        if (!wanted.contains(r)) {
          throw missing(m, r);
        }
      }
    }
    synchronized (this) {
      if (tenants.containsKey(slug)) {
        throw new Problem(
            409, "tenant-exists", "Tenant exists", "A tenant '" + slug + "' already exists.");
      }
    }
    pause();
    TenantState t = new TenantState(slug, name, Instant.now());
    t.modules.addAll(wanted);
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String token =
        "cy_"
            + HexFormat.of().formatHex(secret, 0, 8)
            + "_"
            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    synchronized (this) {
      if (tenants.containsKey(slug)) {
        throw new Problem(
            409, "tenant-exists", "Tenant exists", "A tenant '" + slug + "' already exists.");
      }
      tenants.put(slug, t);
      installedModules.addAll(wanted);
    }
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("tenant", tenantJson(t));
    created.put("adminToken", token);
    created.put("tookMs", (System.nanoTime() - start) / 1_000_000);
    return new Answer(201, created);
  }

  private Answer offboard(String slug, String confirm) {
    tenant(slug);
    if (!slug.equals(confirm)) {
      throw new Problem(
          400,
          "confirmation-required",
          "Confirmation required",
          "Offboarding deletes every record of '" + slug + "'. Repeat the slug: ?confirm=" + slug);
    }
    synchronized (this) {
      tenants.remove(slug);
    }
    return new Answer(204, null);
  }

  private synchronized Map<String, Object> suspend(String slug, String reason) {
    TenantState t = tenant(slug);
    t.status = "suspended";
    t.statusReason = reason;
    return tenantJson(t);
  }

  private synchronized Map<String, Object> resume(String slug) {
    TenantState t = tenant(slug);
    t.status = "active";
    t.statusReason = null;
    return tenantJson(t);
  }

  private Map<String, Object> enable(String slug, String moduleId) {
    long start = System.nanoTime();
    TenantState t = tenant(slug);
    Module m = module(moduleId);
    synchronized (this) {
      if (t.plan != null && !t.plan.contains(moduleId)) {
        throw new Problem(
            403,
            "module-not-in-plan",
            "Module not in the plan",
            "The plan of '"
                + slug
                + "' does not include module '"
                + moduleId
                + "'. The platform operator can add it to the plan.");
      }
      for (String r : m.requires) {
        if (!t.modules.contains(r)) {
          throw missing(moduleId, r);
        }
      }
    }
    pause();
    synchronized (this) {
      t.modules.add(moduleId);
      installedModules.add(moduleId);
      return change(t, moduleId, true, start);
    }
  }

  private Map<String, Object> disable(String slug, String moduleId) {
    long start = System.nanoTime();
    TenantState t = tenant(slug);
    synchronized (this) {
      if (!t.modules.contains(moduleId)) {
        throw new Problem(
            409,
            "module-not-enabled",
            "Module not enabled",
            "Module '" + moduleId + "' is not enabled for tenant '" + slug + "'.");
      }
      for (String other : t.modules) {
        if (module(other).requires.contains(moduleId)) {
          throw new Problem(
              409,
              "module-required",
              "Module still required",
              "Module '" + other + "' requires '" + moduleId + "'. Disable '" + other + "' first.");
        }
      }
    }
    pause();
    synchronized (this) {
      t.modules.remove(moduleId);
      return change(t, moduleId, false, start);
    }
  }

  private static Map<String, Object> change(TenantState t, String module, boolean on, long start) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("tenant", tenantJson(t));
    c.put("module", module);
    c.put("enabled", on);
    c.put("tookMs", (System.nanoTime() - start) / 1_000_000);
    return c;
  }

  private synchronized List<Object> modules() {
    List<Object> out = new ArrayList<>();
    for (Module m : MODULES) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", m.id);
      j.put("title", m.title);
      j.put("description", m.description);
      j.put("version", installedModules.contains(m.id) ? MODULE_VERSION : null);
      j.put("requires", m.requires);
      j.put("installed", installedModules.contains(m.id));
      out.add(j);
    }
    return out;
  }

  // ------------------------------------------------------------------------------- health

  private synchronized Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", databaseDown ? "degraded" : "up");
    h.put("version", "0.1.0-SNAPSHOT");
    h.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    h.put("tenants", tenants.size());
    h.put("java", System.getProperty("java.version"));
    h.put("heapUsedMb", 64);
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("container", component("up", null, "Apache Karaf 4.4.10 (fake)"));
    components.put(
        "database",
        databaseDown
            ? component("down", null, "connection refused (fake)")
            : component("up", 1, "PostgreSQL 15.19 (fake)"));
    components.put("broker", component("up", null, "embedded MQTT broker on port 1883 (fake)"));
    h.put("components", components);
    return h;
  }

  private static Map<String, Object> component(String status, Integer latencyMs, String detail) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("status", status);
    if (latencyMs != null) {
      c.put("latencyMs", latencyMs);
    }
    c.put("detail", detail);
    return c;
  }

  private synchronized List<Object> stats() {
    List<Object> out = new ArrayList<>();
    for (TenantState t : tenants.values()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("tenant", t.slug);
      s.put("rooms", t.modules.contains("estate") ? t.rooms : null);
      s.put("residents", t.modules.contains("residents") ? t.residents : null);
      s.put("devices", t.modules.contains("devices") ? t.devices : null);
      s.put("lastIngestAt", null);
      out.add(s);
    }
    return out;
  }

  private Map<String, Object> traffic(String minutesParam) {
    int minutes = 60;
    if (minutesParam != null && !minutesParam.isBlank()) {
      try {
        minutes = Integer.parseInt(minutesParam);
      } catch (NumberFormatException e) {
        throw new Problem(
            400,
            "invalid-parameter",
            "Invalid parameter",
            "minutes must be a whole number from 1 to 1440.");
      }
      if (minutes < 1 || minutes > 1440) {
        throw new Problem(
            400,
            "invalid-parameter",
            "Invalid parameter",
            "minutes must be a whole number from 1 to 1440.");
      }
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<String> stamps = new ArrayList<>();
    List<Integer> api = new ArrayList<>();
    List<Integer> ingest = new ArrayList<>();
    for (int i = minutes - 1; i >= 0; i--) {
      Instant m = now.minus(i, ChronoUnit.MINUTES);
      stamps.add(m.toString());
      AtomicInteger a = apiPerMinute.get(m);
      AtomicInteger g = ingestPerMinute.get(m);
      api.add(a == null ? 0 : a.get());
      ingest.add(g == null ? 0 : g.get());
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("stepSeconds", 60);
    t.put("minutes", stamps);
    t.put("api", api);
    t.put("ingest", ingest);
    return t;
  }

  // ------------------------------------------------------------------------------ drivers

  private Answer drivers(String method, List<String> p, String contentType, byte[] body) {
    int n = p.size();
    synchronized (this) {
      if (n == 1 && method.equals("GET")) {
        return ok(driverList());
      }
      if (n == 3 && method.equals("POST") && p.get(2).equals("release")) {
        DriverState d = drivers.get(p.get(1));
        if (d == null) {
          throw new Problem(
              404,
              "driver-not-found",
              "Driver not found",
              "No driver " + p.get(1) + " is installed.");
        }
        d.state = "active";
        d.reason = null;
        d.quarantinedAt = null;
        return ok(Map.of("id", d.id, "state", "active"));
      }
      if (n == 2 && p.get(1).equals("packages") && method.equals("GET")) {
        List<Object> out = new ArrayList<>();
        packages.forEach(pk -> out.add(packageJson(pk)));
        return ok(out);
      }
      if (n == 2 && p.get(1).equals("approvals") && method.equals("GET")) {
        List<Object> out = new ArrayList<>();
        approvals.values().forEach(a -> out.add(approvalJson(a)));
        return ok(out);
      }
      if (n == 2 && p.get(1).equals("approvals") && method.equals("POST")) {
        JsonNode b = json(body);
        String sha = b.path("sha256").asText("").strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(sha).matches()) {
          throw new Problem(
              400, "invalid-sha256", "Invalid SHA-256", "sha256 must be 64 hexadecimal digits.");
        }
        if (approvals.containsKey(sha)) {
          throw new Problem(
              409,
              "already-approved",
              "Already approved",
              "SHA-256 " + sha + " is approved already.");
        }
        String note =
            b.hasNonNull("note") && !b.get("note").asText().isBlank()
                ? b.get("note").asText().strip()
                : "approved by the operator";
        ApprovalState a = new ApprovalState(sha, note, Instant.now());
        approvals.put(sha, a);
        return new Answer(201, approvalJson(a));
      }
      if (n == 3 && p.get(1).equals("approvals") && method.equals("DELETE")) {
        String sha = p.get(2);
        if (!approvals.containsKey(sha)) {
          throw new Problem(
              404, "approval-not-found", "Approval not found", "No approval for " + sha + ".");
        }
        if (packages.stream().anyMatch(pk -> pk.sha256.equals(sha))) {
          throw new Problem(
              409,
              "approval-in-use",
              "Approval in use",
              "A driver jar with SHA-256 " + sha + " was uploaded; its approval stays.");
        }
        approvals.remove(sha);
        return new Answer(204, null);
      }
      if (n == 4
          && p.get(1).equals("packages")
          && method.equals("POST")
          && (p.get(3).equals("disable") || p.get(3).equals("enable"))) {
        String bsn = p.get(2);
        PackageState current = current(bsn);
        if (current == null) {
          throw new Problem(
              404,
              "driver-package-not-found",
              "Driver package not found",
              "No uploaded driver bundle " + bsn + ".");
        }
        PackageState changed =
            new PackageState(
                current.sha256,
                bsn,
                current.version,
                current.size,
                p.get(3).equals("enable") ? "active" : "disabled",
                current.uploadedAt,
                null);
        packages.set(packages.indexOf(current), changed);
        return ok(packageJson(changed));
      }
    }
    if (n == 2 && p.get(1).equals("packages") && method.equals("POST")) {
      if (contentType == null
          || !(contentType.startsWith("application/java-archive")
              || contentType.startsWith("application/octet-stream"))) {
        throw new Problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Send application/json (or text/csv where an import says so).");
      }
      return upload(body);
    }
    throw new Problem(404, "not-found", "Not found", "No such resource.");
  }

  private List<Object> driverList() {
    List<Object> out = new ArrayList<>();
    for (DriverState d : drivers.values()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", d.id);
      j.put("name", d.name);
      j.put("vendor", d.vendor);
      j.put("version", d.version);
      j.put("deviceTypes", d.deviceTypes);
      j.put("settings", List.of());
      j.put("state", d.state);
      j.put("quarantineReason", d.reason);
      j.put("quarantinedAt", d.quarantinedAt == null ? null : d.quarantinedAt.toString());
      j.put("decoded", 0);
      j.put("failures", 0);
      j.put("devices", 0);
      out.add(j);
    }
    return out;
  }

  private static Map<String, Object> packageJson(PackageState p) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("sha256", p.sha256);
    j.put("symbolicName", p.symbolicName);
    j.put("version", p.version);
    j.put("size", p.size);
    j.put("state", p.state);
    boolean live = !p.state.equals("replaced");
    j.put("bundleId", live ? 100 + Math.abs(p.symbolicName.hashCode() % 100) : null);
    j.put("bundleState", live ? (p.state.equals("active") ? "ACTIVE" : "RESOLVED") : null);
    j.put("drivers", List.of());
    j.put("uploadedAt", p.uploadedAt.toString());
    j.put("replacedAt", p.replacedAt == null ? null : p.replacedAt.toString());
    return j;
  }

  private Map<String, Object> approvalJson(ApprovalState a) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("sha256", a.sha256);
    j.put("note", a.note);
    j.put("approvedAt", a.approvedAt.toString());
    j.put("used", packages.stream().anyMatch(p -> p.sha256.equals(a.sha256)));
    return j;
  }

  private PackageState current(String bsn) {
    return packages.stream()
        .filter(pk -> pk.symbolicName.equals(bsn) && !pk.state.equals("replaced"))
        .findFirst()
        .orElse(null);
  }

  private Answer upload(byte[] jar) {
    if (jar.length == 0) {
      throw new Problem(
          400, "missing-body", "Missing body", "Send the driver jar as the request body.");
    }
    String sha = sha256(jar);
    synchronized (this) {
      if (!approvals.containsKey(sha)) {
        throw new Problem(
            422,
            "driver-not-approved",
            "Driver not approved",
            "This jar's SHA-256 is "
                + sha
                + ". It is not approved, so it was not installed. If you trust it, approve it"
                + " (POST /api/v1/operator/drivers/approvals {\"sha256\": \""
                + sha
                + "\"}) and upload it again.");
      }
    }
    Manifest manifest;
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      manifest = in.getManifest();
    } catch (IOException e) {
      manifest = null;
    }
    if (manifest == null) {
      throw new Problem(
          422, "not-a-bundle", "Not a bundle", "The upload is not a jar with a manifest.");
    }
    String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
    if (bsn == null || bsn.isBlank()) {
      throw new Problem(
          422, "not-a-bundle", "Not a bundle", "The jar's manifest has no Bundle-SymbolicName.");
    }
    bsn = bsn.split(";")[0].strip();
    String version = manifest.getMainAttributes().getValue("Bundle-Version");
    if (version == null || !version.matches("\\d+(\\.\\d+){0,2}(\\.[\\w-]+)?")) {
      throw new Problem(
          422, "not-a-bundle", "Not a bundle", "The jar's Bundle-Version is not a version.");
    }
    pause();
    synchronized (this) {
      if (packages.stream().anyMatch(pk -> pk.sha256.equals(sha))) {
        throw new Problem(
            409,
            "driver-already-uploaded",
            "Already uploaded",
            "This jar (" + sha + ") was uploaded before.");
      }
      PackageState current = current(bsn);
      Instant now = Instant.now();
      String state = "active";
      if (current != null) {
        if (compareVersions(version, current.version) <= 0) {
          throw new Problem(
              409,
              "driver-version-not-newer",
              "Not a newer version",
              "Bundle "
                  + bsn
                  + " is at "
                  + current.version
                  + "; upload a higher version than that, not "
                  + version
                  + ".");
        }
        packages.set(
            packages.indexOf(current),
            new PackageState(
                current.sha256,
                bsn,
                current.version,
                current.size,
                "replaced",
                current.uploadedAt,
                now));
        state = current.state.equals("disabled") ? "disabled" : "active";
      }
      PackageState added = new PackageState(sha, bsn, version, jar.length, state, now, null);
      packages.add(added);
      return new Answer(201, packageJson(added));
    }
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
      int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    String xq = x.length > 3 ? x[3] : "";
    String yq = y.length > 3 ? y[3] : "";
    return xq.compareTo(yq);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A minimal bundle jar: a manifest with symbolic name and version, for upload tests. */
  public static byte[] bundleJar(String symbolicName, String version) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      Manifest m = new Manifest();
      m.getMainAttributes().putValue("Manifest-Version", "1.0");
      m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
      m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
      m.getMainAttributes().putValue("Bundle-Version", version);
      try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(bytes, m)) {
        out.putNextEntry(new java.util.zip.ZipEntry("README.txt"));
        out.write(("test bundle " + symbolicName + " " + version).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
