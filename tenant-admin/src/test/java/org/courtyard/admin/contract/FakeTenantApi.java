package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.courtyard.admin.api.StaffMe;

/**
 * An in-process stand-in for the platform's tenant API ({@code /api/v1}) as staff use it: sign-in
 * with the second factor, refresh-token rotation, sign-out, {@code /auth/me}, {@code /tenant} and
 * {@code /today}; every other path belongs to a {@link FakeArea} found with {@link ServiceLoader}.
 * {@link TenantApiContract} subclasses run against it and against the real platform, which keeps it
 * faithful. Companies and staff are seeded with {@link #company} and {@link #staff}.
 */
public final class FakeTenantApi implements AutoCloseable {

  static final String PREFIX = "/api/v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Permission ids the platform's modules define (a copy; areas add theirs). */
  static final List<String> CATALOG =
      List.of(
          "identity.tenant.read",
          "identity.user.read",
          "identity.user.manage",
          "identity.role.manage",
          "identity.audit.read",
          "estate.estate.read",
          "estate.estate.create",
          "estate.building.read",
          "estate.room.read",
          "residents.person.read",
          "billing.bill.read",
          "billing.payment.create",
          "billing.run.read",
          "devices.device.read",
          "security.alarm.read");

  private static final Map<String, List<String>> ROLES =
      Map.of(
          "administrator", List.of("*"),
          "project_manager",
              List.of(
                  "estate.*",
                  "residents.*",
                  "billing.*.read",
                  "devices.*",
                  "security.*",
                  "parking.*",
                  "identity.tenant.read"),
          "cashier",
              List.of(
                  "billing.*",
                  "estate.*.read",
                  "residents.*.read",
                  "parking.*.read",
                  "parking.booking.create",
                  "parking.card.manage",
                  "parking.payment.collect",
                  "identity.tenant.read"),
          "guard",
              List.of(
                  "security.*",
                  "devices.*.read",
                  "parking.*.read",
                  "parking.gate.operate",
                  "parking.payment.collect",
                  "identity.tenant.read"),
          "auditor", List.of("*.read"));

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, Company> companies = new TreeMap<>();
  private final Map<String, Session> sessionsByRefresh = new LinkedHashMap<>();
  private final Map<String, Access> access = new LinkedHashMap<>();
  private final List<Session> sessions = new ArrayList<>();
  private final Map<String, FakeArea> areas = new LinkedHashMap<>();

  /**
   * The company's enabled modules for {@code GET /tenant}, from the company and the areas' modules;
   * by default every area's module (the modules area replaces it with its own state).
   */
  private volatile java.util.function.BiFunction<
          String, java.util.Set<String>, java.util.Collection<String>>
      companyModules = (company, areaModules) -> areaModules;

  private final Map<String, List<String>> roles = new LinkedHashMap<>(ROLES);
  private final Set<String> catalog = new LinkedHashSet<>(CATALOG);
  private final List<Map<String, Object>> tiles = new ArrayList<>();
  private final Set<String> failing = new TreeSet<>();
  private long accessSeconds = 900;
  private long nextUserId = 1;
  private int refreshes;

  record Grant(String role, String scope, List<Long> ids) {}

  static final class Company {
    final String slug;
    final String name;
    String status = "active";
    final Map<String, User> users = new TreeMap<>();

    Company(String slug, String name) {
      this.slug = slug;
      this.name = name;
    }
  }

  /** A staff member of the fake; chain {@link #grant} and {@link #totp} when seeding. */
  public static final class User {
    final long id;
    final String tenant;
    final String username;
    final String password;
    final List<Grant> grants = new ArrayList<>();
    String status = "active";
    String displayName;
    String totpSecret;
    boolean totpOn;
    long lastStep = -1;
    String language;

    User(long id, String tenant, String username, String password) {
      this.id = id;
      this.tenant = tenant;
      this.username = username;
      this.password = password;
      this.displayName = username;
    }

    /** The language they chose to be written to in ({@code PUT auth/me/language}); null before. */
    public String language() {
      return language;
    }

    /** What people call them ({@code 李娜}); the user name until set, as seeded users have. */
    public User displayName(String name) {
      displayName = name;
      return this;
    }

    /** Gives a role over the whole company. */
    public User grant(String role) {
      grants.add(new Grant(role, "company", List.of()));
      return this;
    }

    /** Gives a role in some estates. */
    public User grantInEstates(String role, Long... estates) {
      grants.add(new Grant(role, "estates", List.of(estates)));
      return this;
    }

    /** Turns the second factor on with this (Base32) secret. */
    public User totp(String secret) {
      totpSecret = secret;
      totpOn = true;
      return this;
    }

    public long id() {
      return id;
    }
  }

  private static final class Session {
    final User user;
    String refresh;
    final Set<String> used = new TreeSet<>();
    boolean ended;

    Session(User user) {
      this.user = user;
    }
  }

  private record Access(Session session, Instant expires) {}

  private FakeTenantApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the fake on a free local port with the areas on the class path. */
  public static FakeTenantApi start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4);
      server.setExecutor(executor);
      FakeTenantApi fake = new FakeTenantApi(server, executor);
      for (FakeArea area : ServiceLoader.load(FakeArea.class)) {
        fake.areas.put(area.module(), area);
        fake.catalog.addAll(area.permissions());
        area.roles().forEach((role, perms) -> fake.roles.merge(role, perms, FakeTenantApi::concat));
      }
      server.createContext(PREFIX, fake::serve);
      server.start();
      for (FakeArea area : fake.areas.values()) {
        area.started(fake);
      }
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("fake tenant API did not start", e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Replaces how {@code GET /tenant} lists the company's modules (see the modules area). */
  public void companyModules(
      java.util.function.BiFunction<String, java.util.Set<String>, java.util.Collection<String>>
          modules) {
    this.companyModules = modules;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------------------------ seeding

  /** Adds a company (tenant) with its name. */
  public synchronized FakeTenantApi company(String slug, String name) {
    companies.putIfAbsent(slug, new Company(slug, name));
    return this;
  }

  /** Adds a staff member to a company (made if missing); chain grants on the answer. */
  public synchronized User staff(String tenant, String username, String password) {
    company(tenant, tenant);
    User u = new User(nextUserId++, tenant, username.toLowerCase(Locale.ROOT), password);
    companies.get(tenant).users.put(u.username, u);
    return u;
  }

  public synchronized void suspend(String tenant) {
    companies.get(tenant).status = "suspended";
  }

  /** A tile every caller holding its permission sees on {@code /today}. */
  public synchronized void todayTile(Map<String, Object> tile) {
    tiles.add(new LinkedHashMap<>(tile));
  }

  /** The module stops answering {@code /today}: its tiles go, it is listed as missing. */
  public synchronized void failToday(String module) {
    failing.add(module);
  }

  public synchronized void clearToday() {
    tiles.clear();
    failing.clear();
  }

  /** How long new access tokens live (the platform: 900 s). */
  public synchronized void accessTokenSeconds(long seconds) {
    accessSeconds = seconds;
  }

  /** Every access token handed out so far stops working (as after their 15 minutes). */
  public synchronized void expireAccessTokens() {
    access.clear();
  }

  /** The area of that class, to seed it or look at it in a test. */
  public synchronized <A extends FakeArea> A area(Class<A> type) {
    return areas.values().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fake area " + type.getName()));
  }

  public int requests() {
    return requests.get();
  }

  /** Sessions not ended. */
  public synchronized int openSessions() {
    return (int) sessions.stream().filter(s -> !s.ended).count();
  }

  /** Refresh-token exchanges accepted so far. */
  public synchronized int refreshes() {
    return refreshes;
  }

  /** The company's staff members, for an area that administers them (identity). */
  synchronized List<User> users(String tenant) {
    Company c = companies.get(tenant);
    return c == null ? List.of() : new ArrayList<>(c.users.values());
  }

  /** Ends every session of the user: their access and refresh tokens stop working. */
  synchronized void endSessions(User u) {
    sessions.stream().filter(s -> s.user == u).forEach(s -> s.ended = true);
  }

  /** The role templates, code → permission patterns (areas may define more). */
  synchronized Map<String, List<String>> roles() {
    return roles;
  }

  /** Every permission id the fake knows. */
  synchronized Set<String> catalog() {
    return catalog;
  }

  // ------------------------------------------------------------------------------ serving

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    FakeResponse answer;
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      synchronized (this) {
        answer = answer(exchange, body);
      }
    } catch (FakeProblem p) {
      answer = p.response();
    } catch (RuntimeException e) {
      answer = FakeResponse.problem(500, "internal", "Internal error", e.toString());
    }
    if (answer == null) {
      answer = FakeResponse.problem(404, "not-found", "Not found", "No such address.");
    }
    String acceptLanguage = exchange.getRequestHeaders().getFirst("Accept-Language");
    answer = FakeLanguages.say(answer, acceptLanguage);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      if (answer.contentType().startsWith("application/problem+json")) {
        exchange
            .getResponseHeaders()
            .set("Content-Language", FakeLanguages.contentLanguage(acceptLanguage));
        exchange.getResponseHeaders().set("Vary", "Accept-Language");
      }
    }
    if (answer.status() == 401) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
    }
    byte[] bytes = answer.body();
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  private FakeResponse answer(HttpExchange exchange, byte[] body) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
    path = path.startsWith("/") ? path.substring(1) : path;
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    // a CSV upload is an area's to read (FakeRequest.rawBody); only JSON bodies are parsed here
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    JsonNode json =
        contentType == null || contentType.contains("json")
            ? json(body)
            : FakeResponse.JSON.createObjectNode();
    switch (method + " " + path) {
      case "POST auth/login":
        return login(json);
      case "POST auth/refresh":
        return refresh(json.path("refreshToken").asText(null));
      default:
        break;
    }
    Session session = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
    FakeRequest.Caller caller = caller(session.user);
    switch (method + " " + path) {
      case "POST auth/logout":
        session.ended = true;
        return FakeResponse.noContent();
      case "GET auth/me":
        return FakeResponse.json(caller.me());
      case "PUT auth/me/language":
        {
          String language = json.path("language").asText("");
          if (!List.of("zh", "en").contains(language)) {
            throw new FakeProblem(
                422,
                "validation-failed",
                "Invalid input",
                "language is zh or en.",
                Map.of("errors", List.of(Map.of("field", "language", "message", "zh or en"))));
          }
          session.user.language = language;
          return FakeResponse.json(caller.me());
        }
      case "POST auth/totp/setup":
        return totpSetup(session.user);
      case "POST auth/totp/confirm":
        verifyCode(session.user, json.path("code").asText(""));
        session.user.totpOn = true;
        return FakeResponse.noContent();
      case "POST auth/totp/disable":
        verifyCode(session.user, json.path("code").asText(""));
        session.user.totpOn = false;
        session.user.totpSecret = null;
        return FakeResponse.noContent();
      case "GET tenant":
        return tenant(caller);
      case "GET today":
        return today(caller);
      default:
        break;
    }
    int slash = path.indexOf('/');
    String module = slash < 0 ? path : path.substring(0, slash);
    FakeArea area = areas.get(module);
    if (area == null) {
      return null;
    }
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
    return area.handle(
        new FakeRequest(
            method, slash < 0 ? "" : path.substring(slash + 1), query, headers, body, caller));
  }

  private FakeResponse login(JsonNode in) {
    String slug = in.path("tenant").asText("").strip().toLowerCase(Locale.ROOT);
    String username = in.path("username").asText("").strip().toLowerCase(Locale.ROOT);
    if (slug.isEmpty() || username.isEmpty() || !in.hasNonNull("password")) {
      throw new FakeProblem(
          400,
          "missing-credentials",
          "Missing credentials",
          "Send the company (tenant), the user name and the password.");
    }
    Company company = companies.get(slug);
    User user = company == null ? null : company.users.get(username);
    if (user == null || !user.password.equals(in.path("password").asText())) {
      throw new FakeProblem(
          401,
          "invalid-credentials",
          "Wrong company, user name or password",
          "The company, user name or password is wrong.");
    }
    if (!"active".equals(company.status)) {
      throw new FakeProblem(
          403,
          "tenant-suspended",
          "Tenant suspended",
          "Company '" + slug + "' is suspended. Ask the platform operator to resume it.");
    }
    if (!"active".equals(user.status)) {
      throw new FakeProblem(
          403,
          "user-disabled",
          "User disabled",
          "This account is disabled. Ask your company's administrator to enable it.");
    }
    if (user.totpOn) {
      String code = in.path("totp").asText("");
      if (code.isBlank()) {
        throw new FakeProblem(
            401,
            "totp-required",
            "Code required",
            "This account signs in with a code from its authenticator app: send it as totp.");
      }
      verifyCode(user, code);
    }
    Session s = new Session(user);
    sessions.add(s);
    return FakeResponse.json(tokens(s));
  }

  private FakeResponse refresh(String token) {
    Session s = token == null ? null : sessionsByRefresh.get(token);
    if (s == null || s.ended || !token.equals(s.refresh)) {
      if (s != null) {
        s.ended = true; // a replaced refresh token presented again ends its session
      }
      throw new FakeProblem(
          401,
          "invalid-refresh-token",
          "Sign in again",
          "The refresh token is unknown, expired, already used or signed out. Sign in again.");
    }
    refreshes++;
    return FakeResponse.json(tokens(s));
  }

  private Map<String, Object> tokens(Session s) {
    String accessToken = "fat_" + random();
    String refresh = "cyr_" + s.user.tenant + "." + random();
    if (s.refresh != null) {
      s.used.add(s.refresh);
    }
    s.refresh = refresh;
    sessionsByRefresh.put(refresh, s);
    access.put(accessToken, new Access(s, Instant.now().plusSeconds(accessSeconds)));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("accessToken", accessToken);
    t.put("tokenType", "Bearer");
    t.put("expiresIn", accessSeconds);
    t.put("refreshToken", refresh);
    t.put("refreshExpiresIn", 30L * 24 * 3600);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", s.user.id);
    user.put("username", s.user.username);
    user.put("displayName", s.user.displayName);
    user.put("status", s.user.status);
    user.put("totp", s.user.totpOn);
    t.put("user", user);
    t.put("resident", null);
    t.put("secondFactorSetupRequired", false);
    return t;
  }

  private Session authenticate(String authorization) {
    String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "");
    Access a = access.get(token);
    if (a == null || a.session().ended || Instant.now().isAfter(a.expires())) {
      throw new FakeProblem(401, "unauthorized", "Unauthorized", "Sign in again.");
    }
    return a.session();
  }

  private FakeRequest.Caller caller(User u) {
    List<StaffMe.Held> held = new ArrayList<>();
    for (String permission : catalog) {
      boolean company = false;
      Set<Long> estates = new TreeSet<>();
      Set<Long> buildings = new TreeSet<>();
      boolean any = false;
      for (Grant g : u.grants) {
        if (roles.getOrDefault(g.role(), List.of()).stream()
            .anyMatch(p -> matches(p, permission))) {
          any = true;
          switch (g.scope()) {
            case "company" -> company = true;
            case "estates" -> estates.addAll(g.ids());
            default -> buildings.addAll(g.ids());
          }
        }
      }
      if (any) {
        held.add(
            company
                ? new StaffMe.Held(permission, "company", List.of(), List.of())
                : new StaffMe.Held(
                    permission, "some", List.copyOf(estates), List.copyOf(buildings)));
      }
    }
    StaffMe me =
        new StaffMe(u.tenant, "staff", String.valueOf(u.id), u.username, u.displayName, held);
    return new FakeRequest.Caller(u.tenant, u.id, u.username, me);
  }

  /**
   * {@code *}, {@code billing.*}, {@code *.read}, {@code billing.*.read} as the platform reads
   * them.
   */
  static boolean matches(String pattern, String permission) {
    if (pattern.equals("*")) {
      return true;
    }
    // "*" stands for any run of characters, as the platform's PermissionPattern reads it
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return permission.matches(String.join(".*", parts));
  }

  private FakeResponse tenant(FakeRequest.Caller caller) {
    if (!caller.can("identity.tenant.read")) {
      throw new FakeProblem(
          403,
          "permission-denied",
          "Permission denied",
          "This needs the permission identity.tenant.read.");
    }
    Company c = companies.get(caller.tenant());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("slug", c.slug);
    t.put("name", c.name);
    t.put("status", c.status);
    t.put("statusReason", null);
    t.put("schema", "t_" + c.slug);
    t.put("createdAt", "2026-01-01T00:00:00Z");
    t.put(
        "modules",
        new ArrayList<>(
            companyModules.apply(c.slug, new java.util.LinkedHashSet<>(areas.keySet()))));
    return FakeResponse.json(t);
  }

  private FakeResponse today(FakeRequest.Caller caller) {
    List<Map<String, Object>> all = new ArrayList<>(tiles);
    for (FakeArea area : areas.values()) {
      if (!failing.contains(area.module())) {
        all.addAll(area.todayTiles(caller));
      }
    }
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> t : all) {
      Object permission = t.get("permission");
      if (failing.contains(String.valueOf(t.get("module")))) {
        continue;
      }
      if (permission == null || caller.can(permission.toString())) {
        shown.add(t);
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("tiles", shown);
    answer.put("missing", new ArrayList<>(failing));
    return FakeResponse.json(answer);
  }

  private FakeResponse totpSetup(User u) {
    if (u.totpOn) {
      throw new FakeProblem(
          409, "totp-already-enabled", "Second factor already on", "Turn it off first.");
    }
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    u.totpSecret = FakeOperatorApi.base32(secret);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("secret", u.totpSecret);
    v.put(
        "otpauthUri",
        "otpauth://totp/Courtyard:" + u.tenant + "%2F" + u.username + "?secret=" + u.totpSecret);
    v.put("digits", 6);
    v.put("periodSeconds", 30);
    return FakeResponse.json(v);
  }

  private void verifyCode(User u, String code) {
    long now = Instant.now().getEpochSecond() / 30;
    for (long step = now - 1; step <= now + 1; step++) {
      if (u.totpSecret != null
          && step > u.lastStep
          && FakeOperatorApi.totp(u.totpSecret, step * 30).equals(code.strip())) {
        u.lastStep = step;
        return;
      }
    }
    throw new FakeProblem(
        401,
        "totp-invalid",
        "Wrong code",
        "The code is wrong, expired or was used already. Use the current one from the app.");
  }

  private static String random() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static JsonNode json(byte[] body) {
    try {
      return body == null || body.length == 0
          ? FakeResponse.JSON.createObjectNode()
          : FakeResponse.JSON.readTree(body);
    } catch (IOException e) {
      throw new FakeProblem(400, "invalid-json", "Invalid JSON", "The body is not JSON.");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }
}
