package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

/**
 * What the users-and-roles screens rely on in {@code /identity}: staff accounts (create with a
 * first password, search, disable, enable, sign out everywhere, reset the second factor), grants in
 * a scope, roles and the permission list, and the audit log with its CSV. Run against the fake
 * ({@code FakeUsersContractTest}) and the real platform ({@code UsersContractE2E}).
 */
public abstract class UsersContract extends TenantApiContract {

  protected static final String PASSWORD = "First-pw-2026-x";

  private TenantTarget.StaffAccount adminAccount;
  private String admin;

  private String admin() {
    if (admin == null) {
      adminAccount = target().newStaff("administrator");
      admin = accessToken(adminAccount);
    }
    return admin;
  }

  /** A unique user name for this run (the real platform keeps users between runs). */
  protected static String uniqueName(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private JsonNode create(String username) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", "Li Lei " + username);
    body.put("phone", "+86 138 0000 0000");
    body.put("email", username + "@example.com");
    body.put("password", PASSWORD);
    Answer a = send("POST", "identity/users", body, admin());
    assertEquals(describe(a), 201, a.status());
    return a.body();
  }

  /** A user this contract created, to sign in as (in the administrator's company). */
  private TenantTarget.StaffAccount account(String username) {
    admin();
    return new TenantTarget.StaffAccount(adminAccount.tenant(), username, PASSWORD);
  }

  @Test
  public void aCreatedUserIsListedFoundBySearchAndNeverShowsAPassword() {
    String name = uniqueName("ct");
    JsonNode user = create(name);
    assertEquals(name, user.path("username").asText());
    assertEquals("active", user.path("status").asText());
    assertTrue(user.path("id").asLong() > 0);
    assertFalse(describe(new Answer(201, null, user)), user.has("password"));

    Answer found = send("GET", "identity/users?q=" + name, null, admin());
    assertPage(found);
    assertEquals(1, found.body().path("items").size());
    assertEquals(name, found.body().path("items").get(0).path("username").asText());

    Answer one = send("GET", "identity/users/" + user.path("id").asLong(), null, admin());
    assertEquals(describe(one), 200, one.status());
    assertEquals("Li Lei " + name, one.body().path("displayName").asText());
    assertTrue(describe(one), one.body().path("totp").isBoolean());
    assertFalse("a new user has no second factor yet", one.body().path("totp").asBoolean());

    Answer page = send("GET", "identity/users?limit=1", null, admin());
    assertPage(page);
    assertEquals(1, page.body().path("items").size());
    assertFalse(page.body().path("nextCursor").isNull());
    Answer next =
        send(
            "GET",
            "identity/users?limit=1&cursor=" + page.body().path("nextCursor").asText(),
            null,
            admin());
    assertPage(next);
    assertFalse(
        next.body()
            .path("items")
            .get(0)
            .path("id")
            .equals(page.body().path("items").get(0).path("id")));

    assertProblem(
        send("GET", "identity/users?status=gone", null, admin()), 422, "validation-failed");
  }

  @Test
  public void theFirstPasswordSignsInUntilTheAccountIsDisabled() {
    String name = uniqueName("cd");
    long id = create(name).path("id").asLong();
    String token = accessToken(account(name));

    Answer disabled = send("POST", "identity/users/" + id + "/disable", null, admin());
    assertEquals(describe(disabled), 200, disabled.status());
    assertEquals("disabled", disabled.body().path("status").asText());
    assertProblem(signIn(account(name), null), 403, "user-disabled");
    assertEquals(401, send("GET", "auth/me", null, token).status());
    Answer listed = send("GET", "identity/users?status=disabled&q=" + name, null, admin());
    assertEquals(1, listed.body().path("items").size());

    Answer enabled = send("POST", "identity/users/" + id + "/enable", null, admin());
    assertEquals("active", enabled.body().path("status").asText());
    assertEquals(200, signIn(account(name), null).status());
  }

  @Test
  public void theSignInAndMeNameTheUserByTheirDisplayNameAsWellAsTheirUserName() {
    String name = uniqueName("cn");
    create(name);

    Answer in = signIn(account(name), null);
    assertEquals(describe(in), 200, in.status());
    JsonNode user = in.body().path("user");
    assertEquals(describe(in), name, user.path("username").asText());
    assertEquals(describe(in), "Li Lei " + name, user.path("displayName").asText());
    Answer me = send("GET", "auth/me", null, in.body().path("accessToken").asText());
    assertEquals(describe(me), 200, me.status());
    assertEquals(describe(me), name, me.body().path("name").asText());
    assertEquals(describe(me), "Li Lei " + name, me.body().path("displayName").asText());
  }

  @Test
  public void theUsersListSaysWhoseSecondFactorIsOn() {
    String name = uniqueName("ct2");
    long id = create(name).path("id").asLong();
    String access = accessToken(account(name));
    String secret =
        send("POST", "auth/totp/setup", Map.of(), access).body().path("secret").asText();
    assertEquals(
        "not confirmed yet: off",
        false,
        send("GET", "identity/users/" + id, null, admin()).body().path("totp").asBoolean(true));
    Answer confirm =
        send("POST", "auth/totp/confirm", Map.of("code", FakeOperatorApi.totp(secret)), access);
    assertTrue(describe(confirm), confirm.ok());

    Answer listed = send("GET", "identity/users?q=" + name, null, admin());
    assertPage(listed);
    assertTrue(describe(listed), listed.body().path("items").get(0).path("totp").asBoolean());
    assertEquals(204, send("DELETE", "identity/users/" + id + "/totp", null, admin()).status());
    assertFalse(
        send("GET", "identity/users/" + id, null, admin()).body().path("totp").asBoolean(true));
  }

  @Test
  public void signingOutEverywhereEndsTheUsersSessions() {
    String name = uniqueName("cs");
    long id = create(name).path("id").asLong();
    String token = accessToken(account(name));
    assertEquals(200, send("GET", "auth/me", null, token).status());

    assertEquals(204, send("POST", "identity/users/" + id + "/sign-out", null, admin()).status());
    assertEquals(401, send("GET", "auth/me", null, token).status());
    assertEquals(204, send("DELETE", "identity/users/" + id + "/totp", null, admin()).status());
  }

  @Test
  public void refusalsAreProblems() {
    String name = uniqueName("cr");
    create(name);
    Map<String, Object> again = new LinkedHashMap<>();
    again.put("username", name);
    again.put("displayName", "Again");
    again.put("password", PASSWORD);
    assertProblem(send("POST", "identity/users", again, admin()), 409, "duplicate");
    again.put("username", "No Spaces Allowed");
    assertProblem(send("POST", "identity/users", again, admin()), 422, "validation-failed");
    assertProblem(send("GET", "identity/users/987654321", null, admin()), 404, "not-found");
    assertProblem(
        send("POST", "identity/users/987654321/disable", null, admin()), 404, "not-found");

    String cashier = accessToken(target().newStaff("cashier"));
    assertProblem(send("GET", "identity/users", null, cashier), 403, "permission-denied");
    assertProblem(send("GET", "identity/audit", null, cashier), 403, "permission-denied");
  }

  @Test
  public void aGrantInSomeEstatesChangesWhatTheUserMayDoThere() {
    String name = uniqueName("cg");
    long id = create(name).path("id").asLong();
    Map<String, Object> grant = new LinkedHashMap<>();
    grant.put("role", "guard");
    grant.put("scope", "estates");
    grant.put("ids", List.of(1));
    Answer added = send("POST", "identity/users/" + id + "/grants", grant, admin());
    assertEquals(describe(added), 201, added.status());
    long grantId = added.body().path("id").asLong();
    assertEquals("guard", added.body().path("role").asText());
    assertEquals("estates", added.body().path("scope").asText());
    assertEquals(1, added.body().path("ids").get(0).asLong());

    Answer listed = send("GET", "identity/users/" + id + "/grants", null, admin());
    assertEquals(describe(listed), 200, listed.status());
    assertTrue(listed.body().isArray());
    assertEquals(grantId, listed.body().get(0).path("id").asLong());

    JsonNode me = send("GET", "auth/me", null, accessToken(account(name))).body();
    JsonNode alarms = held(me, "security.alarm.read");
    assertTrue(describe(new Answer(200, null, me)), alarms != null);
    assertEquals(1, alarms.path("estates").get(0).asLong());

    assertEquals(
        204, send("DELETE", "identity/users/" + id + "/grants/" + grantId, null, admin()).status());
    JsonNode after = send("GET", "auth/me", null, accessToken(account(name))).body();
    assertNull(held(after, "security.alarm.read"));

    grant.put("ids", List.of());
    assertProblem(
        send("POST", "identity/users/" + id + "/grants", grant, admin()), 422, "validation-failed");
    grant.put("role", "no_such_role");
    grant.put("scope", "company");
    assertProblem(
        send("POST", "identity/users/" + id + "/grants", grant, admin()), 422, "validation-failed");
  }

  private static JsonNode held(JsonNode me, String permission) {
    for (JsonNode h : me.path("permissions")) {
      if (h.path("permission").asText().equals(permission)) {
        return h;
      }
    }
    return null;
  }

  @Test
  public void rolesListTheirPermissionsAndTheCompanyMakesItsOwn() {
    Answer roles = send("GET", "identity/roles", null, admin());
    assertEquals(describe(roles), 200, roles.status());
    JsonNode administrator = null;
    for (JsonNode r : roles.body()) {
      if (r.path("code").asText().equals("administrator")) {
        administrator = r;
      }
    }
    assertTrue(describe(roles), administrator != null);
    assertTrue(administrator.path("template").asBoolean());
    assertTrue(administrator.path("permissions").isArray());
    assertFalse(administrator.path("nameZh").asText().isBlank());

    Answer permissions = send("GET", "identity/permissions", null, admin());
    assertEquals(200, permissions.status());
    boolean userRead = false;
    for (JsonNode p : permissions.body()) {
      if (p.path("id").asText().equals("identity.user.read")) {
        userRead = !p.path("titleEn").asText().isBlank() && !p.path("titleZh").asText().isBlank();
      }
    }
    assertTrue(describe(permissions), userRead);

    String code = uniqueName("role_");
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("code", code);
    role.put("nameEn", "Night guard");
    role.put("nameZh", "夜班保安");
    role.put("permissions", List.of("security.*", "devices.device.read"));
    Answer created = send("POST", "identity/roles", role, admin());
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    assertFalse(created.body().path("template").asBoolean());
    assertProblem(send("POST", "identity/roles", role, admin()), 409, "duplicate");

    Map<String, Object> update = new LinkedHashMap<>();
    update.put("nameEn", "Night guard");
    update.put("nameZh", "夜班保安");
    update.put("permissions", List.of("security.alarm.read"));
    update.put("version", created.body().path("version").asInt());
    Answer updated = send("PUT", "identity/roles/" + id, update, admin());
    assertEquals(describe(updated), 200, updated.status());
    assertEquals(List.of("security.alarm.read"), texts(updated.body().path("permissions")));
    assertProblem(send("PUT", "identity/roles/" + id, update, admin()), 409, "stale-version");

    role.put("code", uniqueName("bad_"));
    role.put("permissions", List.of("no.such.permission"));
    assertProblem(send("POST", "identity/roles", role, admin()), 422, "validation-failed");

    assertEquals(204, send("DELETE", "identity/roles/" + id, null, admin()).status());
    assertProblem(send("GET", "identity/roles/" + id, null, admin()), 404, "not-found");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  public void theAuditLogFiltersAndExportsTheSameRowsAsCsv() {
    String name = uniqueName("ca");
    long id = create(name).path("id").asLong();
    assertEquals(200, send("POST", "identity/users/" + id + "/disable", null, admin()).status());

    // the operation is the endpoint's path template; the object ids are the path's ids
    Answer log =
        send("GET", "identity/audit?operation=/disable&object=" + id + "&limit=10", null, admin());
    assertPage(log);
    assertEquals(describe(log), 1, log.body().path("items").size());
    JsonNode row = log.body().path("items").get(0);
    assertEquals("POST /identity/users/{id}/disable", row.path("operation").asText());
    assertEquals(String.valueOf(id), row.path("objectIds").asText());
    assertTrue(row.path("outcome").asText().startsWith("ok"));
    assertFalse(row.path("at").asText().isBlank());
    assertFalse(row.path("principalName").asText().isBlank());

    Answer csv =
        send(
            "GET",
            "identity/audit.csv?operation=/disable&object=" + id,
            null,
            admin(),
            Map.of("Accept", "text/csv"));
    assertEquals(200, csv.status());
    assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
    String text = csv.body().asText();
    assertTrue(text, text.contains("id,at,principal_kind,principal_id,principal_name,operation"));
    assertTrue(text, text.contains("POST /identity/users/{id}/disable"));
    assertEquals(text, 2, text.strip().split("\r\n").length);

    assertProblem(
        send("GET", "identity/audit?from=yesterday", null, admin()), 422, "validation-failed");
    Answer none =
        send("GET", "identity/audit?object=" + id + "&to=2000-01-01T00:00:00Z", null, admin());
    assertPage(none);
    assertEquals(0, none.body().path("items").size());
  }

  @Test
  public void anApiKeysSecretIsAnsweredOnceAndRevokingStopsIt() {
    String name = uniqueName("key");
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("name", name);
    key.put("role", "guard");
    key.put("scope", "estates");
    key.put("ids", List.of(1, 2));
    Answer created = send("POST", "identity/api-keys", key, admin());
    assertEquals(describe(created), 201, created.status());
    assertTrue(created.body().path("key").asText().startsWith("cyk_"));
    assertEquals("active", created.body().path("status").asText());
    long id = created.body().path("id").asLong();

    Answer listed = send("GET", "identity/api-keys", null, admin());
    assertEquals(describe(listed), 200, listed.status());
    JsonNode mine = null;
    for (JsonNode k : listed.body()) {
      if (k.path("id").asLong() == id) {
        mine = k;
      }
    }
    assertTrue(describe(listed), mine != null);
    assertTrue(mine.path("key").isNull());
    assertEquals("estates", mine.path("scope").asText());
    assertEquals(2, mine.path("ids").size());

    Answer revoked = send("POST", "identity/api-keys/" + id + "/revoke", null, admin());
    assertEquals(describe(revoked), 200, revoked.status());
    assertEquals("revoked", revoked.body().path("status").asText());
    assertProblem(send("POST", "identity/api-keys/987654/revoke", null, admin()), 404, "not-found");

    key.remove("role");
    assertProblem(send("POST", "identity/api-keys", key, admin()), 422, "validation-failed");
    String cashier = accessToken(target().newStaff("cashier"));
    assertProblem(send("GET", "identity/api-keys", null, cashier), 403, "permission-denied");
  }
}
