package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.OnboardingListener;
import org.courtyard.api.TenantService;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform through its real entry points, in the assembled distribution on a real PostgreSQL:
 * onboarding, slug validation, atomicity, credentials, hot module enablement and its lifecycle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PlatformIT {

  @Inject BundleContext context;
  @Inject TenantService tenantService;
  @Inject org.apache.karaf.shell.api.console.SessionFactory shell;

  private Http anonymous;
  private Http operator;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void clients() throws Exception {
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
  }

  static Connection db() throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(System.getProperty("courtyard.it.db.url"));
    return ds.getConnection();
  }

  static long count(String sql, Object... args) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static boolean schemaExists(String schema) throws SQLException {
    return count("select count(*) from information_schema.schemata where schema_name = ?", schema)
        == 1;
  }

  private String onboard(String slug) throws Exception {
    Http.Reply r =
        operator.post("/operator/tenants", Map.of("slug", slug, "name", "Company " + slug));
    assertEquals(r.toString(), 201, r.status);
    return r.json.path("adminToken").asText();
  }

  @Test
  public void a01_onboardingCreatesSchemaRegistryAndAOneTimeToken() throws Exception {
    Http.Reply created =
        operator.post("/operator/tenants", Map.of("slug", "acme", "name", "Acme Property Co."));
    assertEquals(created.toString(), 201, created.status);
    String token = created.json.path("adminToken").asText();
    assertTrue(token, token.startsWith("cy_"));
    assertEquals("t_acme", created.json.path("tenant").path("schema").asText());
    assertTrue(schemaExists("t_acme"));
    assertEquals(1, count("select count(*) from platform.tenant where slug = 'acme'"));
    // only a hash of the secret is stored, and the token is never shown again
    // cy_<16-character id>_<43-character secret>; the secret itself may hold '_' and '-'
    String secret = token.substring("cy_".length() + 16 + 1);
    assertEquals(token, 43, secret.length());
    assertEquals(
        0,
        count("select count(*) from platform.api_token where strpos(secret_hash, ?) > 0", secret));
    assertTrue(
        count(
                "select count(*) from platform.api_token where tenant_slug = 'acme' and secret_hash like 'pbkdf2-sha256$%'")
            == 1);
    Http.Reply fetched = operator.get("/operator/tenants/acme");
    assertEquals(200, fetched.status);
    assertFalse(fetched.text.contains(secret));

    Http.Reply me = anonymous.tenant(token).get("/tenant");
    assertEquals(me.toString(), 200, me.status);
    assertEquals("acme", me.json.path("slug").asText());

    Http.Reply again = operator.post("/operator/tenants", Map.of("slug", "acme", "name", "Other"));
    assertEquals(409, again.status);
    assertEquals("tenant-exists", again.problemType());
    assertTrue(again.contentType.startsWith("application/problem+json"));
  }

  @Test
  public void a02_slugInjectionAndBadInputAre400AndCreateNothing() throws Exception {
    long schemas = count("select count(*) from information_schema.schemata");
    long tenants = count("select count(*) from platform.tenant");
    for (String slug :
        List.of(
            "a;drop schema x",
            "../",
            "Acme",
            "ab",
            "x".repeat(41),
            "acme co",
            "1abc",
            "t_x\"; drop schema platform cascade; --")) {
      Http.Reply r = operator.post("/operator/tenants", Map.of("slug", slug, "name", "Injected"));
      assertEquals(slug + " -> " + r, 400, r.status);
      assertEquals("invalid-tenant-slug", r.problemType());
      assertTrue(r.contentType.startsWith("application/problem+json"));
    }
    assertEquals(
        400, operator.post("/operator/tenants", Map.of("slug", "good_slug", "name", " ")).status);
    assertEquals(
        400, operator.post("/operator/tenants", "{\"slug\": \"good_slug\", \"name\": ").status);
    assertEquals(
        400,
        operator.post("/operator/tenants", "{\"slug\": \"good_slug\", \"nmae\": \"x\"}").status);
    assertEquals(schemas, count("select count(*) from information_schema.schemata"));
    assertEquals(tenants, count("select count(*) from platform.tenant"));
  }

  @Test
  public void a03_aFailureMidOnboardingLeavesNoSchemaAndNoRegistryRow() throws Exception {
    AtomicBoolean schemaExistedWhenFailing = new AtomicBoolean();
    OnboardingListener failing =
        (tenant, tx) -> {
          if (tenant.value().equals("boom_co")) {
            try (PreparedStatement ps =
                    tx.prepareStatement(
                        "select count(*) from information_schema.schemata where schema_name = 't_boom_co'");
                ResultSet rs = ps.executeQuery()) {
              rs.next();
              schemaExistedWhenFailing.set(rs.getLong(1) == 1);
            }
            throw new SQLException("injected failure after the schema was created");
          }
        };
    ServiceRegistration<OnboardingListener> reg =
        context.registerService(OnboardingListener.class, failing, null);
    try {
      Http.Reply r = operator.post("/operator/tenants", Map.of("slug", "boom_co", "name", "Boom"));
      assertEquals(r.toString(), 500, r.status);
      assertEquals("internal-error", r.problemType());
      assertFalse(
          "no stack trace in the body",
          r.text.contains("SQLException") || r.text.contains("at org."));
    } finally {
      reg.unregister();
    }
    assertTrue("the failure happened after the schema existed", schemaExistedWhenFailing.get());
    assertFalse(schemaExists("t_boom_co"));
    assertEquals(0, count("select count(*) from platform.tenant where slug = 'boom_co'"));
    assertEquals(0, count("select count(*) from platform.api_token where tenant_slug = 'boom_co'"));
    // and the slug is free again
    onboard("boom_co");
  }

  @Test
  public void a04_credentialsAreNotInterchangeable() throws Exception {
    String token = onboard("cred_co");
    assertEquals(401, anonymous.get("/operator/tenants").status);
    assertEquals(401, anonymous.tenant(token).get("/operator/tenants").status);
    assertEquals(401, anonymous.operator("wrong-password").get("/operator/tenants").status);
    Http.Reply noAuth = anonymous.get("/tenant");
    assertEquals(401, noAuth.status);
    assertEquals("unauthorized", noAuth.problemType());
    // the operator credential is not a tenant credential
    String operatorAuth = operator.authorization;
    assertTrue(operatorAuth.startsWith("Basic "));
    assertEquals(401, operator.get("/tenant").status);
    assertEquals(401, operator.get("/estate/estates").status);
    assertEquals(401, anonymous.tenant(token + "x").get("/tenant").status);
    assertEquals(
        401, anonymous.tenant("cy_AAAAAAAAAAAAAAAA_" + "A".repeat(43)).get("/tenant").status);
    assertEquals(200, anonymous.get("/ping").status);
  }

  @Test
  public void a05_revokedTokensStopWorkingAtOnce() throws Exception {
    String first = onboard("revoke_co");
    Http.Reply issued = operator.post("/operator/tenants/revoke_co/tokens", "");
    assertEquals(issued.toString(), 201, issued.status);
    String second = issued.json.path("token").asText();
    Http api = anonymous.tenant(second);
    assertEquals(200, api.get("/tenant").status); // verified once, now cached
    Http.Reply tokens = operator.get("/operator/tenants/revoke_co/tokens");
    assertEquals(2, tokens.json.size());
    assertFalse(tokens.text.contains(second.substring(20)));
    String id = second.substring(3, 19);
    assertEquals(204, operator.delete("/operator/tenants/revoke_co/tokens/" + id).status);
    assertEquals(401, api.get("/tenant").status);
    assertEquals(200, anonymous.tenant(first).get("/tenant").status);
    Http.Reply again = operator.delete("/operator/tenants/revoke_co/tokens/" + id);
    assertEquals(409, again.status);
    assertEquals("token-revoked", again.problemType());
    assertEquals(
        404, operator.delete("/operator/tenants/revoke_co/tokens/AAAAAAAAAAAAAAAA").status);
    // another tenant's token id is not this tenant's to revoke
    String other = first.substring(3, 19);
    onboard("revoke_other");
    assertEquals(404, operator.delete("/operator/tenants/revoke_other/tokens/" + other).status);
    assertEquals(200, anonymous.tenant(first).get("/tenant").status);
  }

  @Test
  public void a06_aSuspendedTenantIsRefusedUntilResumedAndKeepsItsData() throws Exception {
    Http api = anonymous.tenant(onboard("susp_co"));
    Http other = anonymous.tenant(onboard("susp_other"));
    assertEquals(200, api.get("/tenant").status); // verified once, now cached

    Http.Reply tooLong =
        operator.post("/operator/tenants/susp_co/suspend", Map.of("reason", "x".repeat(501)));
    assertEquals(tooLong.toString(), 400, tooLong.status);
    assertEquals(200, api.get("/tenant").status);

    Http.Reply suspended =
        operator.post("/operator/tenants/susp_co/suspend", Map.of("reason", "invoice unpaid"));
    assertEquals(suspended.toString(), 200, suspended.status);
    assertEquals("suspended", suspended.json.path("status").asText());
    assertEquals("invoice unpaid", suspended.json.path("statusReason").asText());
    Http.Reply refused = api.get("/tenant");
    assertEquals(refused.toString(), 403, refused.status);
    assertEquals("tenant-suspended", refused.problemType());
    assertTrue(refused.text, refused.json.path("detail").asText().contains("susp_co"));
    assertEquals(200, other.get("/tenant").status);
    assertEquals(
        "suspended", operator.get("/operator/tenants/susp_co").json.path("status").asText());
    assertTrue(schemaExists("t_susp_co"));
    assertEquals(404, operator.post("/operator/tenants/no_such_co/suspend", Map.of()).status);
    Http.Reply malformed = operator.post("/operator/tenants/susp_co/suspend", "{\"reason\": ");
    assertEquals(malformed.toString(), 400, malformed.status);
    // the body is optional: without one the reason stays as it was
    Http.Reply bare = operator.post("/operator/tenants/susp_co/suspend", "");
    assertEquals(bare.toString(), 200, bare.status);
    assertEquals("invoice unpaid", bare.json.path("statusReason").asText());

    // suspending again only updates the reason; resuming twice is harmless
    assertEquals(
        "still unpaid",
        operator
            .post("/operator/tenants/susp_co/suspend", Map.of("reason", "still unpaid"))
            .json
            .path("statusReason")
            .asText());
    for (int i = 0; i < 2; i++) {
      Http.Reply resumed = operator.post("/operator/tenants/susp_co/resume", Map.of());
      assertEquals(resumed.toString(), 200, resumed.status);
      assertEquals("active", resumed.json.path("status").asText());
      assertTrue(resumed.toString(), resumed.json.path("statusReason").isNull());
    }
    assertEquals(200, api.get("/tenant").status);
    assertEquals(404, operator.post("/operator/tenants/no_such_co/resume", Map.of()).status);
  }

  @Test
  public void b01_hotEnablingEstateForOneTenantRestartsNothing() throws Exception {
    String alpha = onboard("alpha_co");
    String beta = onboard("beta_co");
    Http alphaApi = anonymous.tenant(alpha);
    Http betaApi = anonymous.tenant(beta);
    assertEquals(404, alphaApi.get("/estate/estates").status);

    Bundle rest = bundle("org.courtyard.rest");
    long restModified = rest.getLastModified();
    long tenantServiceId = serviceId(TenantService.class);
    Map<Long, Integer> statesBefore = bundleStates();

    long start = System.nanoTime();
    Http.Reply enabled = operator.post("/operator/tenants/alpha_co/modules/estate", "");
    assertEquals(enabled.toString(), 200, enabled.status);
    Http.Reply first = alphaApi.get("/estate/estates");
    long hotEnableMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(first.toString(), 200, first.status);
    System.out.println("hot-enable (first install) took " + hotEnableMs + " ms");

    // nothing was refreshed or restarted: same bundles, same states, same services
    Bundle estate = bundle("org.courtyard.estate");
    assertNotNull("the module was hot-installed", estate);
    assertEquals(Bundle.ACTIVE, estate.getState());
    assertEquals(restModified, rest.getLastModified());
    assertEquals(tenantServiceId, serviceId(TenantService.class));
    for (Map.Entry<Long, Integer> e : statesBefore.entrySet()) {
      assertEquals(
          "bundle " + context.getBundle(e.getKey()).getSymbolicName(),
          e.getValue(),
          Integer.valueOf(context.getBundle(e.getKey()).getState()));
    }
    // the other tenant has not enabled it
    Http.Reply notEnabled = betaApi.get("/estate/estates");
    assertEquals(404, notEnabled.status);
    assertEquals("module-not-enabled", notEnabled.problemType());
    assertTrue(notEnabled.json.path("detail").asText().contains("estate"));
    assertEquals(1, instances("estate", "alpha_co"));
    assertEquals(0, instances("estate", "beta_co"));
    assertTrue(
        count(
                "select count(*) from information_schema.tables where table_schema = 't_alpha_co' and table_name = 'flyway_history_estate'")
            == 1);
    assertTrue(
        count("select count(*) from information_schema.tables where table_schema = 't_beta_co'")
            == 0);
    Http.Reply tenant = operator.get("/operator/tenants/alpha_co");
    assertTrue(tenant.json.path("modules").toString().contains("estate"));
  }

  @Test
  public void b02_disableKeepsDataAndEnablingAgainServesTheSameData() throws Exception {
    String token = onboard("gamma_co");
    Http api = anonymous.tenant(token);
    assertEquals(200, operator.post("/operator/tenants/gamma_co/modules/estate", "").status);
    Http.Reply created =
        api.post(
            "/estate/estates",
            Map.of("code", "GV-1", "name", "Green Valley", "address", "1 Garden Rd"));
    assertEquals(created.toString(), 201, created.status);
    long id = created.json.path("id").asLong();

    Http.Reply disabled = operator.delete("/operator/tenants/gamma_co/modules/estate");
    assertEquals(disabled.toString(), 200, disabled.status);
    assertEquals(404, api.get("/estate/estates/" + id).status);
    assertEquals(0, instances("estate", "gamma_co"));
    assertEquals(1, count("select count(*) from t_gamma_co.estate"));

    assertEquals(200, operator.post("/operator/tenants/gamma_co/modules/estate", "").status);
    Http.Reply again = api.get("/estate/estates/" + id);
    assertEquals(again.toString(), 200, again.status);
    assertEquals("Green Valley", again.json.path("name").asText());
    assertEquals(409, operator.delete("/operator/tenants/gamma_co/modules/nonexistent").status);
  }

  @Test
  public void b03_aModuleThatRequiresAnotherCannotBeEnabledBeforeIt() throws Exception {
    onboard("delta_co");
    ServiceRegistration<ModuleDescriptor> reg =
        context.registerService(
            ModuleDescriptor.class,
            new ModuleDescriptor() {
              @Override
              public String id() {
                return "visitors";
              }

              @Override
              public String title() {
                return "Visitor registration";
              }

              @Override
              public String description() {
                return "Registers visitors at the gate";
              }

              @Override
              public List<String> requires() {
                return List.of("estate");
              }
            },
            null);
    try {
      Http.Reply r = operator.post("/operator/tenants/delta_co/modules/visitors", "");
      assertEquals(r.toString(), 409, r.status);
      assertEquals("module-requires", r.problemType());
      assertTrue(r.json.path("detail").asText().contains("requires module 'estate'"));
      Http.Reply list = operator.get("/operator/modules");
      assertTrue(list.text, list.text.contains("\"visitors\"") && list.text.contains("\"estate\""));
    } finally {
      reg.unregister();
    }
    assertEquals(
        404, operator.post("/operator/tenants/delta_co/modules/no_such_module", "").status);
    assertEquals(404, operator.post("/operator/tenants/nobody_co/modules/estate", "").status);
    assertEquals(
        0, count("select count(*) from platform.tenant_module where tenant_slug = 'delta_co'"));
  }

  @Test
  public void b04_offboardingNeedsConfirmationAndRemovesEverything() throws Exception {
    String token = onboard("omega_co");
    assertEquals(200, operator.post("/operator/tenants/omega_co/modules/estate", "").status);
    assertEquals(400, operator.delete("/operator/tenants/omega_co").status);
    assertTrue(schemaExists("t_omega_co"));
    assertEquals(204, operator.delete("/operator/tenants/omega_co?confirm=omega_co").status);
    assertFalse(schemaExists("t_omega_co"));
    assertEquals(0, instances("estate", "omega_co"));
    assertEquals(401, anonymous.tenant(token).get("/tenant").status);
    assertEquals(404, operator.get("/operator/tenants/omega_co").status);
  }

  @Test
  public void b05_operatorsCanDoItAllFromTheKarafShell() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream print = new java.io.PrintStream(out, true);
    org.apache.karaf.shell.api.console.Session session =
        shell.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
    session.execute("courtyard:tenant-create -m estate shell_co \"Shell Co.\"");
    assertTrue(schemaExists("t_shell_co"));
    assertEquals(1, instances("estate", "shell_co"));
    session.execute("courtyard:module-disable shell_co estate");
    assertEquals(0, instances("estate", "shell_co"));
    session.execute("courtyard:module-enable shell_co estate");
    assertEquals(1, instances("estate", "shell_co"));
    session.execute("courtyard:tenant-suspend -r \"contract ended\" shell_co");
    assertEquals(
        1,
        count(
            "select count(*) from platform.tenant where slug = 'shell_co'"
                + " and status = 'suspended' and status_reason = 'contract ended'"));
    session.execute("courtyard:tenant-resume shell_co");
    assertEquals(
        1,
        count(
            "select count(*) from platform.tenant where slug = 'shell_co' and status = 'active'"));
    session.execute("courtyard:tenant-create Bad_Slug x");
    assertEquals(0, count("select count(*) from platform.tenant where slug ilike 'bad%'"));
    session.execute("courtyard:tenant-offboard --confirm wrong shell_co");
    assertTrue(schemaExists("t_shell_co"));
    session.execute("courtyard:tenant-offboard --confirm shell_co shell_co");
    assertFalse(schemaExists("t_shell_co"));
    session.close();
  }

  @Test
  public void c01_openApiDescribesPlatformAndModules() throws Exception {
    Http.Reply doc = anonymous.get("/openapi.json");
    assertEquals(200, doc.status);
    assertEquals("3.0.3", doc.json.path("openapi").asText());
    assertTrue(doc.json.path("paths").has("/v1/operator/tenants"));
    assertTrue(doc.json.path("paths").has("/v1/estate/rooms"));
    assertTrue(doc.json.path("paths").has("/v1/operator/tenants/{slug}/suspend"));
    assertTrue(doc.json.path("paths").has("/v1/operator/traffic"));
  }

  @Test
  public void c02_healthNamesEachComponentAndStatsCountEachTenantsRecords() throws Exception {
    // a container started seconds ago may still be starting its broker: health says degraded
    // until it runs, which is right; wait for it rather than read the first answer
    Http.Reply health = operator.get("/operator/health");
    for (long until = System.currentTimeMillis() + 30_000;
        health.status == 200
            && !"up".equals(health.json.path("status").asText())
            && System.currentTimeMillis() < until; ) {
      Thread.sleep(250);
      health = operator.get("/operator/health");
    }
    assertEquals(health.toString(), 200, health.status);
    assertEquals(health.toString(), "up", health.json.path("status").asText());
    JsonNode components = health.json.path("components");
    for (String c : List.of("container", "database", "broker")) {
      assertEquals(components.toString(), "up", components.path(c).path("status").asText());
      assertTrue(components.toString(), components.path(c).path("latencyMs").isNumber());
    }
    assertTrue(
        components.toString(),
        components.path("database").path("detail").asText().startsWith("PostgreSQL "));
    assertTrue(
        components.toString(),
        components.path("broker").path("detail").asText().contains("gateway connected"));

    Http estate = anonymous.tenant(operator.onboard("stats_co", "estate"));
    operator.onboard("stats_none");
    long e = Http.id(estate.post("/estate/estates", Http.map("code", "E1", "name", "E")));
    long b =
        Http.id(
            estate.post("/estate/buildings", Http.map("estateId", e, "code", "B", "name", "B")));
    long u =
        Http.id(estate.post("/estate/units", Http.map("buildingId", b, "code", "U", "name", "U")));
    for (String number : List.of("101", "102", "103")) {
      Http.id(
          estate.post(
              "/estate/rooms",
              Http.map(
                  "unitId", u, "number", number, "floor", 1, "area", 88.5, "type", "residential")));
    }
    Http.Reply stats = operator.get("/operator/stats");
    assertEquals(stats.toString(), 200, stats.status);
    JsonNode withEstate = row(stats.json, "stats_co");
    JsonNode without = row(stats.json, "stats_none");
    assertEquals(stats.toString(), 3, withEstate.path("rooms").asLong());
    assertEquals("active", withEstate.path("status").asText());
    // a tenant without the module has the key, null: a table of rows has no holes
    assertTrue(stats.toString(), without.has("rooms") && without.path("rooms").isNull());

    // what a module requires is known before it is installed, from its feature
    JsonNode security = row(operator.get("/operator/modules").json, "id", "security");
    assertTrue(security.toString(), security.path("requires").toString().contains("\"devices\""));

    Http.Reply traffic = operator.get("/operator/traffic?minutes=5");
    assertEquals(traffic.toString(), 200, traffic.status);
    assertEquals(5, traffic.json.path("minutes").size());
    assertEquals(5, traffic.json.path("api").size());
    assertEquals(5, traffic.json.path("ingest").size());
    // this test's own requests were served within the last minute or two
    long recent =
        traffic.json.path("api").get(4).asLong() + traffic.json.path("api").get(3).asLong();
    assertTrue(traffic.toString(), recent >= 10);
    // a tenant's token sees none of it, nor can it suspend anyone
    for (String path : List.of("/operator/stats", "/operator/health", "/operator/traffic")) {
      assertEquals(path, 401, estate.get(path).status);
    }
    assertEquals(401, estate.post("/operator/tenants/stats_none/suspend", Map.of()).status);
    assertEquals(400, operator.get("/operator/traffic?minutes=0").status);
    assertEquals(400, operator.get("/operator/traffic?minutes=1441").status);
  }

  private static JsonNode row(JsonNode rows, String tenant) {
    return row(rows, "tenant", tenant);
  }

  private static JsonNode row(JsonNode rows, String key, String value) {
    for (JsonNode r : rows) {
      if (r.path(key).asText().equals(value)) {
        return r;
      }
    }
    throw new AssertionError("no row with " + key + " " + value + " in " + rows);
  }

  private Bundle bundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }

  private long serviceId(Class<?> type) {
    ServiceReference<?> ref = context.getServiceReference(type);
    return (Long) ref.getProperty("service.id");
  }

  private Map<Long, Integer> bundleStates() {
    Map<Long, Integer> states = new java.util.HashMap<>();
    for (Bundle b : context.getBundles()) {
      states.put(b.getBundleId(), b.getState());
    }
    return states;
  }

  private int instances(String module, String tenant) throws Exception {
    ServiceReference<?>[] refs =
        context.getServiceReferences(
            "org.courtyard.api.TenantModule",
            "(&(courtyard.module=" + module + ")(tenant=" + tenant + "))");
    return refs == null ? 0 : refs.length;
  }
}
