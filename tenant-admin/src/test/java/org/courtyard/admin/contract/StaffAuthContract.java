package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.Test;

/**
 * What the property console's sign-in, session and frame rely on: {@code auth/login} with the
 * second factor, {@code auth/refresh} rotation, {@code auth/logout}, {@code auth/me}, {@code
 * tenant} and the shape of {@code today}.
 */
public abstract class StaffAuthContract extends TenantApiContract {

  @Test
  public void signInAnswersAShortAccessTokenAndARefreshToken() {
    Answer a = signIn(target().newStaff("administrator"), null);

    assertEquals(describe(a), 200, a.status());
    assertNonBlank("accessToken", a.body().path("accessToken"));
    assertNonBlank("refreshToken", a.body().path("refreshToken"));
    assertEquals("Bearer", a.body().path("tokenType").asText());
    long expires = a.body().path("expiresIn").asLong();
    assertTrue("expiresIn " + expires, expires > 0 && expires <= 900);
  }

  @Test
  public void meNamesTheCompanyAndEveryPermissionWithItsScope() {
    TenantTarget.StaffAccount admin = target().newStaff("administrator");

    Answer me = send("GET", "auth/me", null, accessToken(admin));

    assertEquals(describe(me), 200, me.status());
    assertEquals(admin.tenant(), me.body().path("tenant").asText());
    assertEquals("staff", me.body().path("kind").asText());
    assertNonBlank("displayName", me.body().path("displayName"));
    JsonNode held = me.body().path("permissions");
    assertTrue(describe(me), held.isArray() && held.size() > 3);
    for (JsonNode h : held) {
      assertNonBlank("permission", h.path("permission"));
      assertEquals(describe(me), "company", h.path("scope").asText());
      assertTrue(describe(me), h.path("estates").isArray());
      assertTrue(describe(me), h.path("buildings").isArray());
    }
  }

  @Test
  public void aStaffMemberChoosesTheLanguageTheyAreWrittenTo() {
    String access = accessToken(target().newStaff("cashier"));
    assertEquals(200, send("PUT", "auth/me/language", Map.of("language", "zh"), access).status());
    assertProblem(
        send("PUT", "auth/me/language", Map.of("language", "fr"), access),
        422,
        "validation-failed");
  }

  @Test
  public void aWrongPasswordAnUnknownCompanyAndMissingFieldsAreRefused() {
    TenantTarget.StaffAccount who = target().newStaff("cashier");

    assertProblem(
        signIn(new TenantTarget.StaffAccount(who.tenant(), who.username(), "wrong-pw"), null),
        401,
        "invalid-credentials");
    assertProblem(
        signIn(
            new TenantTarget.StaffAccount("no_such_company_x", who.username(), who.password()),
            null),
        401,
        "invalid-credentials");
    assertProblem(
        send("POST", "auth/login", Map.of("tenant", who.tenant()), null),
        400,
        "missing-credentials");
  }

  @Test
  public void aRefreshTokenWorksOnceAndItsReuseEndsTheSession() {
    Answer first = signIn(target().newStaff("cashier"), null);
    String refresh = first.body().path("refreshToken").asText();

    Answer next = send("POST", "auth/refresh", Map.of("refreshToken", refresh), null);
    assertEquals(describe(next), 200, next.status());
    String access = next.body().path("accessToken").asText();
    String rotated = next.body().path("refreshToken").asText();
    assertNotEquals(refresh, rotated);
    assertEquals(describe(next), 200, send("GET", "auth/me", null, access).status());

    assertProblem(
        send("POST", "auth/refresh", Map.of("refreshToken", refresh), null),
        401,
        "invalid-refresh-token");
    assertProblem(
        send("POST", "auth/refresh", Map.of("refreshToken", rotated), null),
        401,
        "invalid-refresh-token");
  }

  @Test
  public void signingOutEndsTheAccessAndTheRefreshToken() {
    Answer in = signIn(target().newStaff("cashier"), null);
    String access = in.body().path("accessToken").asText();

    Answer out = send("POST", "auth/logout", null, access);

    assertTrue(describe(out), out.ok());
    assertEquals(401, send("GET", "auth/me", null, access).status());
    assertProblem(
        send(
            "POST",
            "auth/refresh",
            Map.of("refreshToken", in.body().path("refreshToken").asText()),
            null),
        401,
        "invalid-refresh-token");
  }

  @Test
  public void withoutATokenNothingButTheSignInAnswers() {
    assertEquals(401, send("GET", "auth/me", null, null).status());
    assertEquals(401, send("GET", "today", null, null).status());
  }

  @Test
  public void aSecondFactorAsksForTheCodeAtSignIn() {
    TenantTarget.StaffAccount who = target().newStaff("cashier");
    String access = accessToken(who);
    Answer setup = send("POST", "auth/totp/setup", Map.of(), access);
    assertEquals(describe(setup), 200, setup.status());
    String secret = setup.body().path("secret").asText();
    Answer confirm =
        send("POST", "auth/totp/confirm", Map.of("code", FakeOperatorApi.totp(secret)), access);
    assertTrue(describe(confirm), confirm.ok());

    assertProblem(signIn(who, null), 401, "totp-required");
    String next = FakeOperatorApi.totp(secret, Instant.now().getEpochSecond() + 30);
    String wrong = next.equals("000000") ? "111111" : "000000";
    assertProblem(signIn(who, wrong), 401, "totp-invalid");
    Answer in = signIn(who, next);
    assertEquals(describe(in), 200, in.status());
  }

  @Test
  public void theCompanyIsReadableWithItsName() {
    TenantTarget.StaffAccount admin = target().newStaff("administrator");

    Answer t = send("GET", "tenant", null, accessToken(admin));

    assertEquals(describe(t), 200, t.status());
    assertEquals(admin.tenant(), t.body().path("slug").asText());
    assertFalse(t.body().path("name").asText().isBlank());
  }

  @Test
  public void todayAnswersTilesAndTheModulesMissing() {
    TenantTarget.StaffAccount admin = target().newStaff("administrator");

    Answer today = send("GET", "today", null, accessToken(admin));

    assertEquals(describe(today), 200, today.status());
    assertTrue(describe(today), today.body().path("tiles").isArray());
    assertTrue(describe(today), today.body().path("missing").isArray());
    for (JsonNode tile : today.body().path("tiles")) {
      assertNonBlank("id", tile.path("id"));
      assertNonBlank("module", tile.path("module"));
      assertNonBlank("titleEn", tile.path("titleEn"));
      assertTrue(describe(today), tile.path("unit").asText().matches("count|money|percent"));
      assertTrue(describe(today), tile.path("tone").asText().matches("normal|good|warning|alert"));
    }
  }
}
