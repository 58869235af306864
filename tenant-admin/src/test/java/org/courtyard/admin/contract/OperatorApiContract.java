package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.After;
import org.junit.Test;

/**
 * What the operator console relies on in the operator REST API, written once and run against both
 * {@link FakeOperatorApi} (tenant-admin's tests) and the real platform (the distribution's ITs): a
 * subclass names the API root and the operator password.
 *
 * <p>Only behaviour both must show: JSON shapes, status codes, problem types. Every test works on
 * tenants of its own (random slugs) and offboards them afterwards, so it can share a platform with
 * other tests.
 */
public abstract class OperatorApiContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final List<String> created = new ArrayList<>();

  /**
   * @return the API root, e.g. {@code http://127.0.0.1:8181/api/v1}
   */
  protected abstract String baseUrl();

  /**
   * @return the password of user {@code operator}
   */
  protected abstract String password();

  /** An answer: status, content type and body (null when empty). */
  protected record Answer(int status, String contentType, JsonNode body) {

    boolean isProblem(int expectedStatus, String typeSuffix) {
      return status == expectedStatus
          && contentType != null
          && contentType.startsWith("application/problem+json")
          && body != null
          && body.path("type").asText().endsWith(":" + typeSuffix)
          && body.path("status").asInt() == expectedStatus
          && !body.path("title").asText().isEmpty();
    }
  }

  @After
  public void offboardCreatedTenants() {
    for (String slug : created) {
      try {
        call("DELETE", "tenants/" + slug + "?confirm=" + slug, null, password());
      } catch (RuntimeException e) {
        // best effort: the tenant may be gone already
      }
    }
  }

  // ---------------------------------------------------------------------------------- auth

  @Test
  public void aWrongPasswordIsRefusedWithProblemJson() {
    Answer a = call("GET", "tenants", null, password() + "-wrong");
    assertTrue(describe(a), a.isProblem(401, "unauthorized"));
    Answer none = call("GET", "modules", null, null);
    assertEquals(401, none.status());
  }

  // ------------------------------------------------------------------ sign-in and accounts

  @Test
  public void signInAnswersASessionTokenThatWorksUntilSignOut() {
    Answer wrong = signIn("operator", password() + "-wrong", null);
    assertTrue(describe(wrong), wrong.isProblem(401, "invalid-credentials"));
    Answer in = signIn("operator", password(), null);
    assertEquals(describe(in), 200, in.status());
    String bearer = "Bearer " + in.body().path("token").asText();
    assertTrue(bearer, bearer.startsWith("Bearer cyo_"));
    assertEquals("owner", in.body().path("role").asText());
    Answer me = send("GET", "me", null, bearer);
    assertEquals(describe(me), 200, me.status());
    assertEquals("operator", me.body().path("username").asText());
    assertEquals("owner", me.body().path("role").asText());
    assertEquals(200, send("GET", "tenants", null, bearer).status());

    assertEquals(204, send("POST", "me/sign-out", "{}", bearer).status());
    Answer after = send("GET", "tenants", null, bearer);
    assertTrue(describe(after), after.isProblem(401, "unauthorized"));
  }

  @Test
  public void anOperatorWithASecondFactorSignsInWithACodeOnly() {
    String name = "ct." + suffix();
    Answer created =
        call(
            "POST", "accounts", "{\"username\":\"" + name + "\",\"role\":\"support\"}", password());
    assertEquals(describe(created), 201, created.status());
    assertFalse(created.body().path("account").path("totp").asBoolean(true));
    String own = created.body().path("password").asText();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((name + ":" + own).getBytes(StandardCharsets.UTF_8));
    Answer setup = send("POST", "me/totp", "{}", basic);
    assertEquals(describe(setup), 200, setup.status());
    String secret = setup.body().path("secret").asText();
    assertTrue(describe(setup), setup.body().path("uri").asText().startsWith("otpauth://totp/"));
    Answer confirmed =
        send(
            "POST",
            "me/totp/confirm",
            "{\"code\":\"" + FakeOperatorApi.totp(secret) + "\"}",
            basic);
    assertEquals(describe(confirmed), 204, confirmed.status());

    Answer refused = send("GET", "me", null, basic);
    assertTrue(describe(refused), refused.isProblem(401, "operator-sign-in-required"));
    Answer noCode = signIn(name, own, null);
    assertTrue(describe(noCode), noCode.isProblem(401, "totp-required"));
    Answer in =
        signIn(name, own, FakeOperatorApi.totp(secret, Instant.now().getEpochSecond() + 30));
    assertEquals(describe(in), 200, in.status());
    String bearer = "Bearer " + in.body().path("token").asText();
    assertTrue(send("GET", "me", null, bearer).body().path("totp").asBoolean());
    Answer readOnly = send("POST", "accounts", "{}", bearer);
    assertTrue(describe(readOnly), readOnly.isProblem(403, "operator-read-only"));

    Answer reset = call("POST", "accounts/" + name + "/totp/reset", "{}", password());
    assertEquals(describe(reset), 204, reset.status());
    assertEquals(401, send("GET", "me", null, bearer).status());
    Answer disabled = call("POST", "accounts/" + name + "/disable", "{}", password());
    assertEquals("disabled", disabled.body().path("status").asText());
    assertEquals(401, send("GET", "me", null, basic).status());
  }

  @Test
  public void theLastOwnerCannotBeDisabled() {
    Answer list = call("GET", "accounts", null, password());
    assertEquals(describe(list), 200, list.status());
    long otherOwners = 0;
    for (JsonNode a : list.body()) {
      if (a.path("role").asText().equals("owner")
          && a.path("status").asText().equals("active")
          && !a.path("username").asText().equals("operator")) {
        otherOwners++;
      }
    }
    if (otherOwners == 0) {
      Answer last = call("POST", "accounts/operator/disable", "{}", password());
      assertTrue(describe(last), last.isProblem(409, "last-owner"));
    }
  }

  private Answer signIn(String username, String password, String totp) {
    return send(
        "POST",
        "sign-in",
        "{\"username\":\""
            + username
            + "\",\"password\":\""
            + password
            + "\""
            + (totp == null ? "" : ",\"totp\":\"" + totp + "\"")
            + "}",
        null);
  }

  // ----------------------------------------------------------------------------- tenants

  @Test
  public void onboardingAnswersTheTenantAndAnAdminTokenOnce() {
    String slug = newSlug();
    Answer a = onboard(slug, "Acme 物业 " + slug, List.of());
    assertEquals(describe(a), 201, a.status());
    JsonNode tenant = a.body().path("tenant");
    assertEquals(slug, tenant.path("slug").asText());
    assertEquals("Acme 物业 " + slug, tenant.path("name").asText());
    assertEquals("active", tenant.path("status").asText());
    assertEquals("t_" + slug, tenant.path("schema").asText());
    assertNotNull(Instant.parse(tenant.path("createdAt").asText()));
    assertTrue(tenant.path("modules").isArray());
    assertTrue(a.body().path("adminToken").asText().startsWith("cy_"));
    assertTrue(a.body().path("tookMs").isIntegralNumber());
    assertTrue(a.body().path("tookMs").asLong() >= 0);

    Answer list = call("GET", "tenants", null, password());
    assertEquals(200, list.status());
    assertTrue(list.body().isArray());
    assertTrue(slugs(list.body()).contains(slug));

    Answer one = call("GET", "tenants/" + slug, null, password());
    assertEquals(200, one.status());
    assertEquals(slug, one.body().path("slug").asText());
    assertTrue(one.body().has("statusReason"));
    assertFalse(one.body().has("adminToken"));
  }

  @Test
  public void onboardingWithModulesEnablesThemInOrder() {
    JsonNode withRequirement = moduleWithOneRequirement();
    String module = withRequirement.path("id").asText();
    String required = withRequirement.path("requires").get(0).asText();
    String slug = newSlug();
    Answer a = onboard(slug, "With modules", List.of(module, required));
    assertEquals(describe(a), 201, a.status());
    Set<String> modules = texts(a.body().path("tenant").path("modules"));
    assertTrue(modules.contains(module) && modules.contains(required));
  }

  @Test
  public void anUnknownTenantIs404() {
    Answer a = call("GET", "tenants/no_such_tenant_" + suffix(), null, password());
    assertTrue(describe(a), a.isProblem(404, "tenant-not-found"));
    Answer suspend =
        call("POST", "tenants/no_such_tenant_" + suffix() + "/suspend", "{}", password());
    assertTrue(describe(suspend), suspend.isProblem(404, "tenant-not-found"));
    Answer enable =
        call("POST", "tenants/no_such_tenant_" + suffix() + "/modules/estate", null, password());
    assertTrue(describe(enable), enable.isProblem(404, "tenant-not-found"));
    Answer delete =
        call("DELETE", "tenants/no_such_tenant_x?confirm=no_such_tenant_x", null, password());
    assertTrue(describe(delete), delete.isProblem(404, "tenant-not-found"));
  }

  @Test
  public void anInvalidSlugIs400() {
    for (String bad : List.of("Acme", "ab", "9lives", "acme-co", "a".repeat(41))) {
      Answer a = onboard(bad, "Bad slug", List.of());
      assertTrue(bad + ": " + describe(a), a.isProblem(400, "invalid-tenant-slug"));
    }
  }

  @Test
  public void aTakenSlugIs409() {
    String slug = newSlug();
    assertEquals(201, onboard(slug, "First", List.of()).status());
    Answer again = onboard(slug, "Second", List.of());
    assertTrue(describe(again), again.isProblem(409, "tenant-exists"));
  }

  @Test
  public void suspendAndResumeAreIdempotentAndKeepTheReason() {
    String slug = newSlug();
    assertEquals(201, onboard(slug, "Suspended Co", List.of()).status());

    Answer s =
        call("POST", "tenants/" + slug + "/suspend", "{\"reason\":\"unpaid invoice\"}", password());
    assertEquals(describe(s), 200, s.status());
    assertEquals("suspended", s.body().path("status").asText());
    assertEquals("unpaid invoice", s.body().path("statusReason").asText());
    assertEquals(
        "suspended",
        call("GET", "tenants/" + slug, null, password()).body().path("status").asText());

    Answer again = call("POST", "tenants/" + slug + "/suspend", null, password());
    assertEquals(describe(again), 200, again.status());
    assertEquals("suspended", again.body().path("status").asText());

    Answer r = call("POST", "tenants/" + slug + "/resume", null, password());
    assertEquals(describe(r), 200, r.status());
    assertEquals("active", r.body().path("status").asText());
    Answer r2 = call("POST", "tenants/" + slug + "/resume", null, password());
    assertEquals(200, r2.status());
    assertEquals("active", r2.body().path("status").asText());
  }

  @Test
  public void offboardingNeedsTheSlugRepeated() {
    String slug = newSlug();
    assertEquals(201, onboard(slug, "Leaving Co", List.of()).status());
    Answer none = call("DELETE", "tenants/" + slug, null, password());
    assertTrue(describe(none), none.isProblem(400, "confirmation-required"));
    Answer wrong = call("DELETE", "tenants/" + slug + "?confirm=other", null, password());
    assertTrue(describe(wrong), wrong.isProblem(400, "confirmation-required"));
    Answer ok = call("DELETE", "tenants/" + slug + "?confirm=" + slug, null, password());
    assertEquals(describe(ok), 204, ok.status());
    assertTrue(call("GET", "tenants/" + slug, null, password()).isProblem(404, "tenant-not-found"));
    assertFalse(slugs(call("GET", "tenants", null, password()).body()).contains(slug));
  }

  // ----------------------------------------------------------------------------- modules

  @Test
  public void modulesListTheirRequirementsAndVersions() {
    Answer a = call("GET", "modules", null, password());
    assertEquals(200, a.status());
    assertTrue(a.body().isArray() && a.body().size() > 0);
    for (JsonNode m : a.body()) {
      assertFalse(m.path("id").asText().isEmpty());
      assertFalse(m.path("title").asText().isEmpty());
      assertTrue(m.path("requires").isArray());
      assertTrue(m.path("installed").isBoolean());
      assertTrue(m.has("version") && m.has("description"));
    }
    assertTrue(texts(a.body(), "id").contains("estate"));
  }

  @Test
  public void aPlanLimitsTheModulesATenantMayEnable() {
    JsonNode withRequirement = moduleWithOneRequirement();
    String module = withRequirement.path("id").asText();
    String required = withRequirement.path("requires").get(0).asText();
    String slug = newSlug();
    assertEquals(201, onboard(slug, "Plan Co", List.of(required)).status());
    Answer fresh = call("GET", "tenants/" + slug, null, password());
    assertTrue(describe(fresh), fresh.body().path("plan").isNull());

    Answer narrow =
        call(
            "PUT", "tenants/" + slug + "/plan", "{\"modules\":[\"" + required + "\"]}", password());
    assertEquals(describe(narrow), 200, narrow.status());
    assertEquals(Set.of(required), texts(narrow.body().path("plan")));
    Answer locked = call("POST", "tenants/" + slug + "/modules/" + module, null, password());
    assertTrue(describe(locked), locked.isProblem(403, "module-not-in-plan"));

    Answer underEnabled = call("PUT", "tenants/" + slug + "/plan", "{\"modules\":[]}", password());
    assertTrue(describe(underEnabled), underEnabled.isProblem(409, "module-enabled"));
    Answer unknown =
        call("PUT", "tenants/" + slug + "/plan", "{\"modules\":[\"nosuchmodule\"]}", password());
    assertTrue(describe(unknown), unknown.isProblem(422, "unknown-module"));

    Answer open = call("PUT", "tenants/" + slug + "/plan", "{\"modules\":null}", password());
    assertEquals(describe(open), 200, open.status());
    assertTrue(open.body().path("plan").isNull());
    Answer on = call("POST", "tenants/" + slug + "/modules/" + module, null, password());
    assertEquals(describe(on), 200, on.status());
  }

  @Test
  public void enablingAndDisablingFollowTheRequirements() {
    JsonNode withRequirement = moduleWithOneRequirement();
    String module = withRequirement.path("id").asText();
    String required = withRequirement.path("requires").get(0).asText();
    String slug = newSlug();
    assertEquals(201, onboard(slug, "Modules Co", List.of()).status());
    String path = "tenants/" + slug + "/modules/";

    Answer early = call("POST", path + module, null, password());
    assertTrue(describe(early), early.isProblem(409, "module-requires"));

    Answer base = call("POST", path + required, null, password());
    assertEquals(describe(base), 200, base.status());
    assertEquals(required, base.body().path("module").asText());
    assertTrue(base.body().path("enabled").asBoolean());
    assertTrue(base.body().path("tookMs").asLong() >= 0);
    assertTrue(texts(base.body().path("tenant").path("modules")).contains(required));

    Answer on = call("POST", path + module, null, password());
    assertEquals(describe(on), 200, on.status());
    assertTrue(
        texts(on.body().path("tenant").path("modules")).containsAll(List.of(module, required)));

    Answer stillNeeded = call("DELETE", path + required, null, password());
    assertTrue(describe(stillNeeded), stillNeeded.isProblem(409, "module-required"));

    Answer off = call("DELETE", path + module, null, password());
    assertEquals(describe(off), 200, off.status());
    assertFalse(off.body().path("enabled").asBoolean());
    assertFalse(texts(off.body().path("tenant").path("modules")).contains(module));

    Answer offAgain = call("DELETE", path + module, null, password());
    assertTrue(describe(offAgain), offAgain.isProblem(409, "module-not-enabled"));

    Answer unknown = call("POST", path + "nosuchmodule", null, password());
    assertTrue(describe(unknown), unknown.isProblem(404, "module-not-found"));

    JsonNode installed = find(call("GET", "modules", null, password()).body(), "id", required);
    assertTrue(installed.path("installed").asBoolean());
    assertFalse(installed.path("version").asText().isEmpty());
  }

  // ------------------------------------------------------------------------------ health

  @Test
  public void healthReportsContainerDatabaseAndBroker() {
    Answer a = call("GET", "health", null, password());
    assertEquals(describe(a), 200, a.status());
    JsonNode h = a.body();
    assertTrue(Set.of("up", "degraded").contains(h.path("status").asText()));
    assertFalse(h.path("version").asText().isEmpty());
    assertTrue(h.path("uptimeSeconds").isIntegralNumber());
    assertTrue(h.path("tenants").isInt());
    assertFalse(h.path("java").asText().isEmpty());
    assertTrue(h.path("heapUsedMb").isNumber());
    JsonNode c = h.path("components");
    assertEquals("up", c.path("container").path("status").asText());
    assertTrue(Set.of("up", "down").contains(c.path("database").path("status").asText()));
    if (c.path("database").path("status").asText().equals("up")) {
      assertTrue(c.path("database").path("latencyMs").isInt());
      assertEquals("up", h.path("status").asText());
    }
    assertTrue(c.path("database").path("detail").isTextual());
    assertTrue(Set.of("up", "down", "absent").contains(c.path("broker").path("status").asText()));
  }

  @Test
  public void statsHaveOneEntryPerTenantAndNothingForModulesThatAreOff() {
    String slug = newSlug();
    assertEquals(201, onboard(slug, "Counted Co", List.of("estate")).status());
    Answer a = call("GET", "stats", null, password());
    assertEquals(describe(a), 200, a.status());
    assertTrue(a.body().isArray());
    JsonNode mine = find(a.body(), "tenant", slug);
    assertTrue(mine.path("rooms").isInt());
    assertEquals(0, mine.path("rooms").asInt());
    // a module the tenant lacks reports nothing: null, or no key while no tenant has the module
    for (String off : List.of("residents", "devices", "lastIngestAt")) {
      assertTrue(mine.toString(), mine.path(off).isNull() || mine.path(off).isMissingNode());
    }
    assertEquals(
        texts(call("GET", "tenants", null, password()).body(), "slug"), texts(a.body(), "tenant"));
  }

  @Test
  public void trafficHasThreeAlignedSeriesEndingNow() {
    call("GET", "tenants", null, password());
    Answer a = call("GET", "traffic?minutes=5", null, password());
    assertEquals(describe(a), 200, a.status());
    JsonNode t = a.body();
    assertEquals(60, t.path("stepSeconds").asInt());
    assertEquals(5, t.path("minutes").size());
    assertEquals(5, t.path("api").size());
    assertEquals(5, t.path("ingest").size());
    Instant previous = Instant.MIN;
    for (JsonNode m : t.path("minutes")) {
      Instant minute = Instant.parse(m.asText());
      assertTrue(minute.isAfter(previous));
      assertEquals(0, minute.getEpochSecond() % 60);
      previous = minute;
    }
    assertTrue(Duration.between(previous, Instant.now()).abs().toSeconds() <= 120);
    int api = 0;
    for (JsonNode v : t.path("api")) {
      assertTrue(v.isInt() && v.asInt() >= 0);
      api += v.asInt();
    }
    assertTrue("requests made in this test count as API traffic", api >= 1);
    assertEquals(60, call("GET", "traffic", null, password()).body().path("minutes").size());
  }

  // ----------------------------------------------------------------------------- drivers

  @Test
  public void driversListTheirStateAndAnUnapprovedJarIsRefusedWithItsHash() {
    if (texts(call("GET", "modules", null, password()).body(), "id").contains("devices")) {
      // the driver administration comes with the devices module
      assertEquals(201, onboard(newSlug(), "Devices Co", List.of("estate", "devices")).status());
    }
    Answer a = call("GET", "drivers", null, password());
    assertEquals(describe(a), 200, a.status());
    assertTrue(a.body().isArray());
    for (JsonNode d : a.body()) {
      assertFalse(d.path("id").asText().isEmpty());
      assertTrue(d.path("version").isTextual());
      assertTrue(Set.of("active", "quarantined").contains(d.path("state").asText()));
      assertTrue(d.path("devices").isIntegralNumber());
      assertTrue(d.has("quarantineReason"));
    }
    assertTrue(call("GET", "drivers/packages", null, password()).body().isArray());
    assertTrue(call("GET", "drivers/approvals", null, password()).body().isArray());

    byte[] jar = FakeOperatorApi.bundleJar("org.example.contract" + suffix(), "1.0.0");
    Answer refused = upload(jar);
    assertTrue(describe(refused), refused.isProblem(422, "driver-not-approved"));
    assertTrue(refused.body().path("detail").asText().contains(FakeOperatorApi.sha256(jar)));
  }

  // ----------------------------------------------------------------------------- helpers

  protected Answer onboard(String slug, String name, List<String> modules) {
    StringBuilder body = new StringBuilder();
    try {
      body.append("{\"slug\":")
          .append(JSON.writeValueAsString(slug))
          .append(",\"name\":")
          .append(JSON.writeValueAsString(name))
          .append(",\"modules\":")
          .append(JSON.writeValueAsString(modules))
          .append('}');
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Answer a = call("POST", "tenants", body.toString(), password());
    if (a.status() == 201) {
      created.add(slug);
    }
    return a;
  }

  private JsonNode moduleWithOneRequirement() {
    JsonNode modules = call("GET", "modules", null, password()).body();
    for (JsonNode m : modules) {
      if (m.path("requires").size() == 1) {
        JsonNode required = find(modules, "id", m.path("requires").get(0).asText());
        if (required.path("requires").size() == 0) {
          return m;
        }
      }
    }
    throw new AssertionError("no module with exactly one requirement in " + modules);
  }

  protected String newSlug() {
    return "ct_" + suffix();
  }

  private static String suffix() {
    return Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT)
        + ThreadLocalRandom.current().nextInt(1000);
  }

  private static Set<String> slugs(JsonNode tenants) {
    return texts(tenants, "slug");
  }

  private static Set<String> texts(JsonNode array, String field) {
    Set<String> out = new java.util.TreeSet<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new java.util.TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value + " in " + array);
  }

  private static String describe(Answer a) {
    return "HTTP " + a.status() + " " + a.contentType() + " " + a.body();
  }

  private Answer upload(byte[] jar) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + "drivers/packages"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic(password()))
            .header("Content-Type", "application/java-archive")
            .POST(HttpRequest.BodyPublishers.ofByteArray(jar))
            .build();
    return exchange(request);
  }

  /**
   * @param body JSON, or null for none
   * @param password null for no credential at all
   */
  protected Answer call(String method, String relative, String body, String password) {
    return send(method, relative, body, password == null ? null : basic(password));
  }

  /** A request with {@code authorization} as the whole Authorization header (null: none). */
  protected Answer send(String method, String relative, String body, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(root() + relative)).timeout(Duration.ofSeconds(120));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return exchange(b.build());
  }

  private String root() {
    String base = baseUrl();
    return (base.endsWith("/") ? base : base + "/") + "operator/";
  }

  private static String basic(String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Answer exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      String text = r.body();
      JsonNode json = text == null || text.isBlank() ? null : JSON.readTree(text);
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), json);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
