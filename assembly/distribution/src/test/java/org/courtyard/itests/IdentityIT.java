package org.courtyard.itests;

import static org.courtyard.itests.Http.STAFF_PASSWORD;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * People and their rights through the real sign-in: staff users with the password policy, access
 * tokens verified against the published keys, refresh tokens that rotate and end their session when
 * replayed, sign-out and disabling that stop tokens at once, roles whose permissions are checked on
 * every operation (403 naming the permission), and the lockout after failed sign-ins.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class IdentityIT {

  private static Http anonymous;
  private static Http owner;
  private static Http otherOwner;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void tenants() throws Exception {
    if (owner != null) {
      return;
    }
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard("idn_east", "estate", "residents", "billing"));
    otherOwner = anonymous.tenant(operator.onboard("idn_west", "estate"));
  }

  @Test
  public void a01_passwordsFollowThePolicy() throws Exception {
    for (String weak :
        List.of("short9!", "1234567890", "qwertyuiop", "5201314520", "aaaaaaaaaaaa")) {
      Http.Reply r =
          owner.post(
              "/identity/users", map("username", "weak", "displayName", "Weak", "password", weak));
      assertEquals(weak + ": " + r, 422, r.status);
      assertTrue(r.text, r.text.contains("\"field\":\"password\""));
    }
    Http.Reply named =
        owner.post(
            "/identity/users",
            map("username", "zhangwei", "displayName", "Zhang", "password", "zhangwei-2024-x"));
    assertEquals(named.toString(), 422, named.status);
    Http.Reply ok =
        owner.post(
            "/identity/users",
            map(
                "username",
                "Li.Lei",
                "displayName",
                "李雷",
                "phone",
                "+86 138 0013 8000",
                "password",
                STAFF_PASSWORD));
    assertEquals(ok.toString(), 201, ok.status);
    assertEquals("li.lei", ok.json.path("username").asText());
    assertFalse(ok.text, ok.text.contains("password"));
    Http.Reply again =
        owner.post(
            "/identity/users",
            map("username", "li.lei", "displayName", "Li", "password", STAFF_PASSWORD));
    assertEquals(again.toString(), 409, again.status);
  }

  @Test
  public void a02_signInGivesAVerifiableAccessTokenAndARefreshToken() throws Exception {
    Http.Reply wrong =
        anonymous.post(
            "/auth/login",
            map("tenant", "idn_east", "username", "li.lei", "password", "nope-nope-nope"));
    assertEquals(wrong.toString(), 401, wrong.status);
    assertEquals("invalid-credentials", wrong.problemType());
    Http.Reply unknownCompany =
        anonymous.post(
            "/auth/login",
            map("tenant", "idn_none", "username", "li.lei", "password", STAFF_PASSWORD));
    assertEquals(unknownCompany.toString(), 401, unknownCompany.status);
    assertEquals("invalid-credentials", unknownCompany.problemType());

    Http.Reply login = login("idn_east", "li.lei");
    assertEquals(login.toString(), 200, login.status);
    assertEquals("Bearer", login.json.path("tokenType").asText());
    // the sign-in names the user both ways: the console shows 李雷, not li.lei
    assertEquals(login.text, "li.lei", login.json.path("user").path("username").asText());
    assertEquals(login.text, "李雷", login.json.path("user").path("displayName").asText());
    assertFalse(login.text, login.json.path("user").path("totp").asBoolean(true));
    Http.Reply named = anonymous.tenant(login.json.path("accessToken").asText()).get("/auth/me");
    assertEquals(named.toString(), 200, named.status);
    assertEquals(named.text, "li.lei", named.json.path("name").asText());
    assertEquals(named.text, "李雷", named.json.path("displayName").asText());
    assertEquals(900, login.json.path("expiresIn").asLong());
    assertTrue(login.json.path("refreshToken").asText().startsWith("cyr_idn_east."));
    String access = login.json.path("accessToken").asText();
    JsonNode header = jwtPart(access, 0);
    JsonNode claims = jwtPart(access, 1);
    assertEquals("RS256", header.path("alg").asText());
    assertEquals("at+jwt", header.path("typ").asText());
    assertEquals("idn_east", claims.path("tid").asText());
    assertEquals(claims.path("exp").asLong() - claims.path("iat").asLong(), 900, 0);

    Http.Reply jwks = anonymous.get("/auth/jwks.json");
    assertEquals(jwks.toString(), 200, jwks.status);
    Set<String> kids = new HashSet<>();
    jwks.json.path("keys").forEach(k -> kids.add(k.path("kid").asText()));
    assertTrue(jwks.text, kids.contains(header.path("kid").asText()));
    jwks.json.path("keys").forEach(k -> assertTrue(k.path("d").isMissingNode()));

    // a user without grants is signed in but may do nothing but ask who they are
    Http liLei = anonymous.tenant(access);
    Http.Reply me = liLei.get("/auth/me");
    assertEquals(me.toString(), 200, me.status);
    assertEquals("staff", me.json.path("kind").asText());
    assertEquals("li.lei", me.json.path("name").asText());
    assertEquals(0, me.json.path("permissions").size());
    Http.Reply estates = liLei.get("/estate/estates");
    assertEquals(estates.toString(), 403, estates.status);
    assertEquals("permission-denied", estates.problemType());
    assertEquals("estate.estate.read", estates.json.path("permission").asText());

    // a token whose payload was altered fails its signature
    String[] parts = access.split("\\.");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("idn_east", "idn_west")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    Http.Reply refused = anonymous.tenant(forged).get("/auth/me");
    assertEquals(refused.toString(), 401, refused.status);
  }

  @Test
  public void a03_rolesGrantPermissionsAndEditsTakeEffectAtOnce() throws Exception {
    Http cashier = owner.staff("idn_east", "cashier1", "cashier", "company");
    Http.Reply list = cashier.get("/estate/estates");
    assertEquals(list.toString(), 200, list.status);
    Http.Reply create =
        cashier.post("/estate/estates", map("code", "NOPE", "name", "Should not exist"));
    assertEquals(create.toString(), 403, create.status);
    assertEquals("estate.estate.create", create.json.path("permission").asText());
    assertEquals(0, owner.get("/estate/estates").json.path("items").size());

    Http.Reply roles = owner.get("/identity/roles");
    assertEquals(roles.toString(), 200, roles.status);
    Set<String> codes = new HashSet<>();
    roles.json.forEach(r -> codes.add(r.path("code").asText()));
    assertEquals(
        Set.of(
            "administrator",
            "project_manager",
            "cashier",
            "customer_service",
            "technician",
            "guard",
            "accountant",
            "auditor"),
        codes);

    Http.Reply custom =
        owner.post(
            "/identity/roles",
            map(
                "code",
                "desk",
                "nameEn",
                "Front desk",
                "nameZh",
                "前台",
                "permissions",
                List.of("estate.*.read", "estate.estate.create")));
    assertEquals(custom.toString(), 201, custom.status);
    Http desk = owner.staff("idn_east", "desk1", "desk", "company");
    Http.Reply made = desk.post("/estate/estates", map("code", "GC", "name", "Garden Court"));
    assertEquals(made.toString(), 201, made.status);

    Http.Reply unknown =
        owner.put(
            "/identity/roles/" + custom.json.path("id").asLong(),
            map(
                "nameEn",
                "Front desk",
                "nameZh",
                "前台",
                "permissions",
                List.of("estate.estate.fly"),
                "version",
                0));
    assertEquals(unknown.toString(), 422, unknown.status);
    Http.Reply narrowed =
        owner.put(
            "/identity/roles/" + custom.json.path("id").asLong(),
            map(
                "nameEn",
                "Front desk",
                "nameZh",
                "前台",
                "permissions",
                List.of("estate.*.read"),
                "version",
                0));
    assertEquals(narrowed.toString(), 200, narrowed.status);
    Http.Reply refused = desk.post("/estate/estates", map("code", "AN", "name", "Another"));
    assertEquals(refused.toString(), 403, refused.status);
    Http.Reply inUse = owner.delete("/identity/roles/" + custom.json.path("id").asLong());
    assertEquals(inUse.toString(), 409, inUse.status);
    assertEquals("role-in-use", inUse.problemType());
  }

  @Test
  public void a04_refreshTokensRotateAndAReplayEndsTheSession() throws Exception {
    Http.Reply first = login("idn_east", "li.lei");
    String r1 = first.json.path("refreshToken").asText();
    Http.Reply second = anonymous.post("/auth/refresh", map("refreshToken", r1));
    assertEquals(second.toString(), 200, second.status);
    String r2 = second.json.path("refreshToken").asText();
    assertNotEquals(r1, r2);
    String access2 = second.json.path("accessToken").asText();
    assertEquals(200, anonymous.tenant(access2).get("/auth/me").status);

    Http.Reply replay = anonymous.post("/auth/refresh", map("refreshToken", r1));
    assertEquals(replay.toString(), 401, replay.status);
    assertEquals("invalid-refresh-token", replay.problemType());
    // the replay ended the session: the thief's and the owner's tokens alike
    assertEquals(401, anonymous.post("/auth/refresh", map("refreshToken", r2)).status);
    assertEquals(401, anonymous.tenant(access2).get("/auth/me").status);
    Http.Reply garbage = anonymous.post("/auth/refresh", map("refreshToken", "cyr_garbage"));
    assertEquals(garbage.toString(), 401, garbage.status);
  }

  @Test
  public void a05_signOutAndDisablingStopTokensAtOnce() throws Exception {
    Http.Reply login = login("idn_east", "li.lei");
    Http li = anonymous.tenant(login.json.path("accessToken").asText());
    assertEquals(204, li.post("/auth/logout", map()).status);
    assertEquals(401, li.get("/auth/me").status);
    assertEquals(
        401,
        anonymous.post(
                "/auth/refresh", map("refreshToken", login.json.path("refreshToken").asText()))
            .status);

    Http.Reply again = login("idn_east", "li.lei");
    Http li2 = anonymous.tenant(again.json.path("accessToken").asText());
    assertEquals(200, li2.get("/auth/me").status);
    long id = owner.get("/identity/users?q=li.lei").json.path("items").get(0).path("id").asLong();
    Http.Reply disabled = owner.post("/identity/users/" + id + "/disable", map());
    assertEquals(disabled.toString(), 200, disabled.status);
    assertEquals("disabled", disabled.json.path("status").asText());
    assertEquals(401, li2.get("/auth/me").status);
    Http.Reply blocked = login("idn_east", "li.lei");
    assertEquals(blocked.toString(), 403, blocked.status);
    assertEquals("user-disabled", blocked.problemType());
    assertEquals(200, owner.post("/identity/users/" + id + "/enable", map()).status);
    assertEquals(200, login("idn_east", "li.lei").status);
    Http.Reply sessions = owner.get("/identity/users/" + id + "/sessions");
    assertEquals(sessions.toString(), 200, sessions.status);
    Set<String> why = new HashSet<>();
    sessions.json.forEach(s -> why.add(s.path("revokedWhy").asText()));
    assertTrue(
        sessions.text, why.containsAll(Set.of("signed-out", "user-disabled", "refresh-reused")));
  }

  @Test
  public void a06_aStaffTokenNeverReachesAnotherTenant() throws Exception {
    otherOwner.post("/estate/estates", map("code", "WO", "name", "West Only"));
    Http admin = owner.staff("idn_east", "admin1", "administrator", "company");
    Http.Reply mine = admin.get("/estate/estates");
    assertEquals(mine.toString(), 200, mine.status);
    assertFalse(mine.text, mine.text.contains("West Only"));
    Http.Reply users = admin.get("/identity/users");
    assertEquals(users.toString(), 200, users.status);
    // the other tenant's owner sees none of this tenant's people
    Http.Reply theirs = otherOwner.get("/identity/users");
    assertEquals(theirs.toString(), 200, theirs.status);
    assertEquals(0, theirs.json.path("items").size());
    // user names are per company: the same one signs in to its own company only
    Http.Reply west =
        anonymous.post(
            "/auth/login",
            map("tenant", "idn_west", "username", "admin1", "password", STAFF_PASSWORD));
    assertEquals(west.toString(), 401, west.status);
  }

  @Test
  public void a07_theOpenApiDocumentNamesAPermissionForEveryTenantOperation() throws Exception {
    Http.Reply doc = anonymous.get("/openapi.json");
    Http.Reply catalog = owner.get("/identity/permissions");
    assertEquals(catalog.toString(), 200, catalog.status);
    Set<String> known = new HashSet<>(Set.of("self"));
    catalog.json.forEach(p -> known.add(p.path("id").asText()));
    assertTrue(known.contains("billing.payment.create"));
    int tenantOps = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.json.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        boolean tenant = op.getValue().path("security").toString().contains("staffToken");
        if (!tenant) {
          continue;
        }
        tenantOps++;
        String permission = op.getValue().path("x-courtyard-permission").asText(null);
        assertTrue(op.getKey() + " " + path.getKey() + " names no permission", permission != null);
        assertTrue(
            op.getKey() + " " + path.getKey() + ": " + permission, known.contains(permission));
      }
    }
    assertTrue("tenant operations: " + tenantOps, tenantOps > 80);
  }

  @Test
  public void a08_repeatedWrongPasswordsLockTheAccountOut() throws Exception {
    owner.post(
        "/identity/users",
        map("username", "target", "displayName", "T", "password", STAFF_PASSWORD));
    int locked = 0;
    for (int i = 0; i < 7; i++) {
      Http.Reply r =
          anonymous.post(
              "/auth/login",
              map("tenant", "idn_east", "username", "target", "password", "wrong-password-" + i));
      if (r.status == 429) {
        locked++;
        assertEquals("too-many-failed-logins", r.problemType());
      } else {
        assertEquals(r.toString(), 401, r.status);
      }
    }
    assertTrue("locked out after repeated failures", locked >= 2);
    // even the right password waits for the lockout to pass
    assertEquals(429, login("idn_east", "target").status);
  }

  @Test
  public void a09_everyChangeAndRefusalLeavesOneAppendOnlyAuditRow() throws Exception {
    Http admin = anonymous.tenant(login("idn_east", "admin1").json.path("accessToken").asText());
    Http.Reply byDesk = admin.get("/identity/audit?who=desk1");
    assertEquals(byDesk.toString(), 200, byDesk.status);
    List<String> seen = new java.util.ArrayList<>();
    byDesk
        .json
        .path("items")
        .forEach(r -> seen.add(r.path("operation").asText() + " " + r.path("outcome").asText()));
    // newest first: the refusal after the role was narrowed, the creation before it
    assertEquals(
        byDesk.text,
        List.of(
            "POST /estate/estates refused 403", "POST /estate/estates ok", "POST /auth/login ok"),
        seen);
    JsonNode made = byDesk.json.path("items").get(1);
    assertEquals("staff", made.path("principalKind").asText());
    assertEquals("estate.estate.create", made.path("permission").asText());
    assertTrue(made.toString(), made.path("summary").asText().contains("Garden Court"));
    assertFalse(made.path("requestId").asText().isEmpty());

    // secrets never reach the log
    Http.Reply users = admin.get("/identity/audit?operation=POST%20/identity/users");
    assertTrue(users.text, users.json.path("items").size() >= 3);
    assertFalse(users.text, users.text.contains(STAFF_PASSWORD));

    Http.Reply refusedLogins = admin.get("/identity/audit?who=target");
    assertTrue(refusedLogins.text, refusedLogins.text.contains("401 invalid-credentials"));
    assertTrue(refusedLogins.text, refusedLogins.text.contains("429 too-many-failed-logins"));

    Http.Reply csv = admin.get("/identity/audit.csv?who=desk1");
    assertEquals(csv.toString(), 200, csv.status);
    String[] lines = csv.text.replace("\ufeff", "").split("\r\n");
    assertTrue(lines[0], lines[0].startsWith("id,at,principal_kind"));
    assertEquals(csv.text, 4, lines.length);

    // a cashier may not read it
    Http cashier =
        anonymous.tenant(login("idn_east", "cashier1").json.path("accessToken").asText());
    assertEquals(403, cashier.get("/identity/audit").status);

    try (java.sql.Connection c = PlatformIT.db();
        java.sql.Statement st = c.createStatement()) {
      for (String sql :
          List.of(
              "update t_idn_east.audit_log set outcome = 'ok'",
              "delete from t_idn_east.audit_log")) {
        try {
          st.executeUpdate(sql);
          org.junit.Assert.fail("the audit log took: " + sql);
        } catch (java.sql.SQLException e) {
          assertTrue(e.getMessage(), e.getMessage().contains("append-only"));
        }
      }
    }
  }

  @Test
  public void a10_aSecondFactorIsAskedOnceSetUpAndWhenTheCompanyRequiresIt() throws Exception {
    Http otp = owner.staff("idn_east", "otp1", "project_manager", "company");
    Http.Reply setup = otp.post("/auth/totp/setup", map());
    assertEquals(setup.toString(), 200, setup.status);
    String secret = setup.json.path("secret").asText();
    assertTrue(setup.text, setup.json.path("otpauthUri").asText().startsWith("otpauth://totp/"));
    // not confirmed yet: sign-in does not ask
    assertEquals(200, login("idn_east", "otp1").status);
    Http.Reply wrongFirst = otp.post("/auth/totp/confirm", map("code", "000000"));
    assertEquals(wrongFirst.toString(), 401, wrongFirst.status);
    assertEquals(204, otp.post("/auth/totp/confirm", map("code", totp(secret, 0))).status);

    // the administrator sees that the user's second factor is on, in the list and alone
    JsonNode listed = owner.get("/identity/users?q=otp1").json.path("items").get(0);
    assertTrue(listed.toString(), listed.path("totp").isBoolean());
    assertTrue(listed.toString(), listed.path("totp").asBoolean());
    assertTrue(
        owner.get("/identity/users/" + listed.path("id").asLong()).json.path("totp").asBoolean());
    JsonNode plainUser = owner.get("/identity/users?q=li.lei").json.path("items").get(0);
    assertFalse(plainUser.toString(), plainUser.path("totp").asBoolean(true));

    Http.Reply noCode = login("idn_east", "otp1");
    assertEquals(noCode.toString(), 401, noCode.status);
    assertEquals("totp-required", noCode.problemType());
    Http.Reply wrong = loginWith("otp1", "123456");
    assertEquals(wrong.toString(), 401, wrong.status);
    assertEquals("totp-invalid", wrong.problemType());
    String next = totp(secret, 30);
    Http.Reply ok = loginWith("otp1", next);
    assertEquals(ok.toString(), 200, ok.status);
    Http.Reply replay = loginWith("otp1", next);
    assertEquals(replay.toString(), 401, replay.status);

    // the company requires it: a user without one holds nothing until it is set up
    JsonNode settings = owner.get("/identity/settings").json;
    Http.Reply required =
        owner.put(
            "/identity/settings",
            map(
                "auditRetentionDays",
                settings.path("auditRetentionDays").asInt(),
                "requireTotp",
                true,
                "version",
                settings.path("version").asInt()));
    assertEquals(required.toString(), 200, required.status);
    Http.Reply plain = login("idn_east", "cashier1");
    assertEquals(plain.toString(), 200, plain.status);
    assertTrue(plain.text, plain.json.path("secondFactorSetupRequired").asBoolean());
    Http cashier = anonymous.tenant(plain.json.path("accessToken").asText());
    assertEquals(403, cashier.get("/estate/estates").status);
    String cashierSecret = cashier.post("/auth/totp/setup", map()).json.path("secret").asText();
    assertEquals(
        204, cashier.post("/auth/totp/confirm", map("code", totp(cashierSecret, 0))).status);
    assertEquals(200, cashier.get("/estate/estates").status);
    Http.Reply keep = cashier.post("/auth/totp/disable", map("code", totp(cashierSecret, 30)));
    assertEquals(keep.toString(), 409, keep.status);
    assertEquals("totp-required-by-company", keep.problemType());

    JsonNode now = owner.get("/identity/settings").json;
    owner.put(
        "/identity/settings",
        map(
            "auditRetentionDays",
            now.path("auditRetentionDays").asInt(),
            "requireTotp",
            false,
            "version",
            now.path("version").asInt()));
    long cashierId =
        owner.get("/identity/users?q=cashier1").json.path("items").get(0).path("id").asLong();
    assertTrue(owner.get("/identity/users/" + cashierId).json.path("totp").asBoolean());
    assertEquals(204, owner.delete("/identity/users/" + cashierId + "/totp").status);
    assertFalse(owner.get("/identity/users/" + cashierId).json.path("totp").asBoolean(true));
    assertEquals(200, login("idn_east", "cashier1").status);
  }

  @Test
  public void a11_anApiKeyDoesWhatItsRoleAllowsWhereItsScopeSays() throws Exception {
    Http.Reply created =
        owner.post(
            "/identity/api-keys",
            map("name", "Accounting export", "role", "auditor", "scope", "company"));
    assertEquals(created.toString(), 201, created.status);
    String key = created.json.path("key").asText();
    assertTrue(key, key.startsWith("cyk_idn_east_"));
    Http integration = anonymous.tenant(key);
    assertEquals(200, integration.get("/estate/estates").status);
    Http.Reply write = integration.post("/estate/estates", map("code", "KEY", "name", "By key"));
    assertEquals(write.toString(), 403, write.status);
    Http.Reply me = integration.get("/auth/me");
    assertEquals("api_key", me.json.path("kind").asText());
    assertEquals("Accounting export", me.json.path("name").asText());

    // the secret is what follows the key id; it may itself hold '_' (base64url)
    String keyId = created.json.path("keyId").asText();
    assertTrue(key, key.startsWith("cyk_idn_east_" + keyId + "_"));
    String secret = key.substring(("cyk_idn_east_" + keyId + "_").length());
    assertTrue(secret, secret.length() >= 20);
    Http.Reply listed = owner.get("/identity/api-keys");
    assertFalse(listed.text, listed.text.contains(secret));
    // the key names its company: under another one's name it is nothing
    assertEquals(
        401,
        anonymous.tenant(key.replace("cyk_idn_east_", "cyk_idn_west_")).get("/auth/me").status);
    assertEquals(
        401, anonymous.tenant(key.substring(0, key.length() - 2) + "xx").get("/auth/me").status);

    long id = created.json.path("id").asLong();
    assertEquals(200, owner.post("/identity/api-keys/" + id + "/revoke", map()).status);
    assertEquals(401, integration.get("/estate/estates").status);
  }

  @Test
  public void a12_operatorActionsLeaveRowsInThePlatformLog() throws Exception {
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    Http.Reply rows = operator.get("/operator/audit?operation=POST%20/operator/tenants");
    assertEquals(rows.toString(), 200, rows.status);
    boolean onboardedEast = false;
    for (JsonNode r : rows.json.path("items")) {
      if (r.path("summary").asText().contains("idn_east")) {
        onboardedEast = true;
        assertEquals("operator", r.path("principalName").asText());
        assertEquals("ok", r.path("outcome").asText());
      }
    }
    assertTrue(rows.text, onboardedEast);
    Http.Reply refused = operator.post("/operator/tenants", map("slug", "Bad Slug", "name", "x"));
    assertEquals(refused.toString(), 400, refused.status);
    Http.Reply latest = operator.get("/operator/audit?limit=1");
    assertEquals("refused 400", latest.json.path("items").get(0).path("outcome").asText());
    Http.Reply csv = operator.get("/operator/audit/export.csv");
    assertEquals(csv.toString(), 200, csv.status);
    assertTrue(csv.text, csv.text.contains("POST /operator/tenants"));
    try (java.sql.Connection c = PlatformIT.db();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("delete from platform.operator_audit");
      org.junit.Assert.fail("the operators' log took a delete");
    } catch (java.sql.SQLException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("append-only"));
    }
  }

  @Test
  public void a13_supportOperatorsMayLookButNotChange() throws Exception {
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    Http.Reply created =
        operator.post("/operator/accounts", map("username", "helpdesk", "role", "support"));
    assertEquals(created.toString(), 201, created.status);
    String password = created.json.path("password").asText();
    assertTrue(password, password.length() >= 20);
    Http support = anonymous.operatorAccount("helpdesk", password);
    assertEquals(200, support.get("/operator/tenants").status);
    Http.Reply refused = support.post("/operator/tenants", map("slug", "sup_try", "name", "x"));
    assertEquals(refused.toString(), 403, refused.status);
    assertEquals("operator-read-only", refused.problemType());
    assertEquals(404, operator.get("/operator/tenants/sup_try").status);
    assertEquals(
        409,
        operator.post("/operator/accounts", map("username", "helpdesk", "role", "owner")).status);
    Http.Reply last = operator.post("/operator/accounts/operator/disable", map());
    assertEquals(last.toString(), 409, last.status);
    assertEquals("last-owner", last.problemType());
    assertEquals(200, operator.post("/operator/accounts/helpdesk/disable", map()).status);
    assertEquals(401, support.get("/operator/tenants").status);
    Http.Reply audit = operator.get("/operator/audit?who=helpdesk");
    assertTrue(audit.text, audit.text.contains("refused 403"));
  }

  private static Http.Reply loginWith(String username, String code) throws Exception {
    return anonymous.post(
        "/auth/login",
        map("tenant", "idn_east", "username", username, "password", STAFF_PASSWORD, "totp", code));
  }

  /** RFC 6238 with the app's defaults, {@code offset} seconds from now. */
  private static String totp(String base32, long offset) throws Exception {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : base32.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        key.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
    long step = (System.currentTimeMillis() / 1000 + offset) / 30;
    byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
    int off = h[h.length - 1] & 0x0f;
    int bin =
        ((h[off] & 0x7f) << 24)
            | ((h[off + 1] & 0xff) << 16)
            | ((h[off + 2] & 0xff) << 8)
            | (h[off + 3] & 0xff);
    return String.format(java.util.Locale.ROOT, "%06d", bin % 1_000_000);
  }

  private static Http.Reply login(String tenant, String username) throws Exception {
    return anonymous.post(
        "/auth/login", map("tenant", tenant, "username", username, "password", STAFF_PASSWORD));
  }

  private static JsonNode jwtPart(String jwt, int index) throws Exception {
    return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
  }
}
