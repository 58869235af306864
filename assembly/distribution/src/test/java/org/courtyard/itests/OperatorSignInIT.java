package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.Totp;
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
 * Operators' second factor and sign-in sessions against the assembled platform: an operator sets up
 * TOTP, from then on HTTP Basic is refused for it and it signs in with password and code; the
 * session token works until sign-out, disabling or a reset; a support account's token stays
 * read-only; every step leaves its row in the operators' audit log. The first owner {@code
 * operator} keeps using HTTP Basic throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperatorSignInIT {

  private static Http anonymous;
  private static Http operator;
  private static String ownerPassword;
  private static String supportPassword;
  private static String secret;
  private static String usedCode;
  private static Http ownerSession;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void clients() throws Exception {
    if (operator == null) {
      anonymous = Http.anonymous(CourtyardContainer.httpPort());
      operator = anonymous.operator(CourtyardContainer.operatorPassword());
    }
  }

  @Test
  public void a01_anAccountWithoutASecondFactorSignsInWithItsPasswordAndUsesTheToken()
      throws Exception {
    Http.Reply created =
        operator.post("/operator/accounts", map("username", "ops.ta", "role", "owner"));
    assertEquals(created.toString(), 201, created.status);
    assertFalse(created.json.path("account").path("totp").asBoolean(true));
    ownerPassword = created.json.path("password").asText();

    Http.Reply wrong = signIn("ops.ta", "wrong-password", null);
    assertEquals(wrong.toString(), 401, wrong.status);
    assertEquals("invalid-credentials", wrong.problemType());

    Http.Reply in = signIn("ops.ta", ownerPassword, null);
    assertEquals(in.toString(), 200, in.status);
    String token = in.json.path("token").asText();
    assertTrue(token, token.startsWith("cyo_"));
    assertEquals("owner", in.json.path("role").asText());
    assertEquals(30, in.json.path("idleMinutes").asInt());
    ownerSession = anonymous.tenant(token);
    Http.Reply me = ownerSession.get("/operator/me");
    assertEquals(me.toString(), 200, me.status);
    assertEquals("ops.ta", me.json.path("username").asText());
    assertEquals("Bearer", me.json.path("authentication").asText());
    assertEquals(200, ownerSession.get("/operator/tenants").status);
    // without a second factor, HTTP Basic still works for it
    assertEquals(
        200, anonymous.operatorAccount("ops.ta", ownerPassword).get("/operator/me").status);
  }

  @Test
  public void a02_settingUpTheSecondFactorNeedsARightFirstCode() throws Exception {
    Http.Reply setup = ownerSession.post("/operator/me/totp", map());
    assertEquals(setup.toString(), 200, setup.status);
    secret = setup.json.path("secret").asText();
    assertTrue(secret, secret.matches("[A-Z2-7]{32}"));
    assertTrue(
        setup.text,
        setup
            .json
            .path("uri")
            .asText()
            .startsWith("otpauth://totp/Courtyard%20%28operator%29%3Aops.ta?secret=" + secret));

    Http.Reply wrong = ownerSession.post("/operator/me/totp/confirm", map("code", "12345"));
    assertEquals(wrong.toString(), 401, wrong.status);
    assertEquals("totp-invalid", wrong.problemType());
    assertFalse(ownerSession.get("/operator/me").json.path("totp").asBoolean());

    Http.Reply confirmed =
        ownerSession.post(
            "/operator/me/totp/confirm", map("code", Totp.code(secret, Instant.now())));
    assertEquals(confirmed.toString(), 204, confirmed.status);
    assertTrue(ownerSession.get("/operator/me").json.path("totp").asBoolean());
    Http.Reply again = ownerSession.post("/operator/me/totp", map());
    assertEquals(again.toString(), 409, again.status);
    assertEquals("totp-already-enabled", again.problemType());
    JsonNode listed = account("ops.ta");
    assertTrue(listed.toString(), listed.path("totp").asBoolean());
  }

  @Test
  public void a03_onceEnrolledHttpBasicIsRefusedWithAPointerToTheSignIn() throws Exception {
    Http.Reply basic = anonymous.operatorAccount("ops.ta", ownerPassword).get("/operator/tenants");
    assertEquals(basic.toString(), 401, basic.status);
    assertEquals("operator-sign-in-required", basic.problemType());
    assertTrue(basic.text, basic.json.path("detail").asText().contains("/api/v1/operator/sign-in"));
    // a wrong password learns nothing about the second factor
    Http.Reply guess = anonymous.operatorAccount("ops.ta", "guess").get("/operator/tenants");
    assertEquals(guess.toString(), 401, guess.status);
    assertEquals("unauthorized", guess.problemType());
    // the session opened before stays valid; the first owner is untouched
    assertEquals(200, ownerSession.get("/operator/tenants").status);
    assertEquals(200, operator.get("/operator/tenants").status);
  }

  @Test
  public void a04_signInAsksForTheCodeRefusesAWrongOneAndAReplayedOne() throws Exception {
    Http.Reply noCode = signIn("ops.ta", ownerPassword, null);
    assertEquals(noCode.toString(), 401, noCode.status);
    assertEquals("totp-required", noCode.problemType());

    Http.Reply wrong = signIn("ops.ta", ownerPassword, wrongCode());
    assertEquals(wrong.toString(), 401, wrong.status);
    assertEquals("totp-invalid", wrong.problemType());

    Http.Reply wrongPassword = signIn("ops.ta", "guess", Totp.code(secret, Instant.now()));
    assertEquals(wrongPassword.toString(), 401, wrongPassword.status);
    assertEquals("invalid-credentials", wrongPassword.problemType());

    // the confirmation used the current step: the next one is the first that is still unused
    usedCode = Totp.code(secret, Instant.now().plusSeconds(30));
    Http.Reply in = signIn("ops.ta", ownerPassword, usedCode);
    assertEquals(in.toString(), 200, in.status);
    Http session = anonymous.tenant(in.json.path("token").asText());
    assertEquals(200, session.get("/operator/tenants").status);

    Http.Reply replayed = signIn("ops.ta", ownerPassword, usedCode);
    assertEquals(replayed.toString(), 401, replayed.status);
    assertEquals("totp-invalid", replayed.problemType());

    // sign-out ends exactly this session
    assertEquals(204, session.post("/operator/me/sign-out", map()).status);
    Http.Reply after = session.get("/operator/tenants");
    assertEquals(after.toString(), 401, after.status);
    assertEquals("unauthorized", after.problemType());
    assertEquals(200, ownerSession.get("/operator/tenants").status);
  }

  @Test
  public void a05_aSupportAccountsTokenIsReadOnlyButItsOwnSecondFactorIsItsToManage()
      throws Exception {
    Http.Reply created =
        operator.post("/operator/accounts", map("username", "ops.help", "role", "support"));
    assertEquals(created.toString(), 201, created.status);
    supportPassword = created.json.path("password").asText();
    Http.Reply in = signIn("ops.help", supportPassword, null);
    assertEquals(in.toString(), 200, in.status);
    assertEquals("support", in.json.path("role").asText());
    Http support = anonymous.tenant(in.json.path("token").asText());

    assertEquals(200, support.get("/operator/tenants").status);
    assertEquals(200, support.get("/operator/accounts").status);
    Http.Reply onboard = support.post("/operator/tenants", map("slug", "osi_try", "name", "x"));
    assertEquals(onboard.toString(), 403, onboard.status);
    assertEquals("operator-read-only", onboard.problemType());
    Http.Reply create =
        support.post("/operator/accounts", map("username", "ops.sneak", "role", "owner"));
    assertEquals(create.toString(), 403, create.status);
    Http.Reply reset = support.post("/operator/accounts/ops.ta/totp/reset", map());
    assertEquals(reset.toString(), 403, reset.status);
    assertTrue(account("ops.ta").path("totp").asBoolean());

    // about itself it may act: set up and confirm its own second factor
    String own = support.post("/operator/me/totp", map()).json.path("secret").asText();
    Http.Reply confirmed =
        support.post("/operator/me/totp/confirm", map("code", Totp.code(own, Instant.now())));
    assertEquals(confirmed.toString(), 204, confirmed.status);
    assertEquals(
        401, anonymous.operatorAccount("ops.help", supportPassword).get("/operator/me").status);

    // an owner's reset removes it and ends the account's sessions at once
    Http.Reply byOwner = operator.post("/operator/accounts/ops.help/totp/reset", map());
    assertEquals(byOwner.toString(), 204, byOwner.status);
    assertEquals(401, support.get("/operator/tenants").status);
    assertFalse(account("ops.help").path("totp").asBoolean(true));
    assertEquals(
        200, anonymous.operatorAccount("ops.help", supportPassword).get("/operator/me").status);
    assertEquals(404, operator.post("/operator/accounts/nobody/totp/reset", map()).status);
  }

  @Test
  public void a06_disablingAnAccountEndsItsSessionsAtOnce() throws Exception {
    assertEquals(200, ownerSession.get("/operator/tenants").status);
    Http.Reply disabled = operator.post("/operator/accounts/ops.ta/disable", map());
    assertEquals(disabled.toString(), 200, disabled.status);
    Http.Reply refused = ownerSession.get("/operator/tenants");
    assertEquals(refused.toString(), 401, refused.status);
    assertEquals(200, operator.post("/operator/accounts/ops.ta/enable", map()).status);
    // enabling does not bring the ended session back
    assertEquals(401, ownerSession.get("/operator/tenants").status);
    Http.Reply noCode = signIn("ops.ta", ownerPassword, null);
    assertEquals("totp-required", noCode.problemType());
  }

  @Test
  public void a07_everyStepLeftItsRowInTheOperatorsLog() throws Exception {
    List<JsonNode> signIns = rows("ops.ta", "POST /operator/sign-in");
    List<String> outcomes = new ArrayList<>();
    signIns.forEach(r -> outcomes.add(r.path("outcome").asText()));
    // a01: wrong password, right one; a04: no code, wrong code, wrong password, right, replay;
    // a06: no code
    assertEquals(outcomes.toString(), 8, signIns.size());
    assertEquals(outcomes.toString(), 2, outcomes.stream().filter("ok"::equals).count());
    assertEquals(outcomes.toString(), 6, outcomes.stream().filter("refused 401"::equals).count());
    for (JsonNode r : signIns) {
      assertFalse(r.toString(), r.toString().contains(ownerPassword));
      assertFalse(r.toString(), r.toString().contains(usedCode));
      assertEquals("ops.ta", r.path("objectIds").asText());
    }
    List<JsonNode> confirms = rows("ops.ta", "POST /operator/me/totp/confirm");
    assertEquals(confirms.toString(), 2, confirms.size());
    List<JsonNode> setUps = rows("ops.ta", "POST /operator/me/totp");
    assertEquals(setUps.toString(), 2, setUps.size());
    assertEquals("refused 409", setUps.get(0).path("outcome").asText());
    assertEquals(1, rows("ops.ta", "POST /operator/me/sign-out").size());
    List<JsonNode> resets = rows("operator", "POST /operator/accounts/{username}/totp/reset");
    assertEquals(resets.toString(), 2, resets.size());
    assertTrue(
        resets.toString(),
        resets.stream().anyMatch(r -> r.path("objectIds").asText().equals("ops.help")));
    assertEquals(1, rows("ops.help", "POST /operator/accounts/{username}/totp/reset").size());
    assertEquals(1, rows("ops.help", "POST /operator/tenants").size());
  }

  @Test
  public void a08_wrongCodesLockTheAccountOutLikeWrongPasswords() throws Exception {
    Http.Reply created =
        operator.post("/operator/accounts", map("username", "ops.lock", "role", "owner"));
    String password = created.json.path("password").asText();
    Http basic = anonymous.operatorAccount("ops.lock", password);
    String own = basic.post("/operator/me/totp", map()).json.path("secret").asText();
    assertEquals(
        204,
        basic.post("/operator/me/totp/confirm", map("code", Totp.code(own, Instant.now()))).status);
    int status = 0;
    for (int i = 0; i < 6 && status != 429; i++) {
      status = signIn("ops.lock", password, wrongCode(own)).status;
    }
    assertEquals(429, status);
    // locked out: even the right code is not looked at now
    Http.Reply right = signIn("ops.lock", password, Totp.code(own, Instant.now().plusSeconds(30)));
    assertEquals(right.toString(), 429, right.status);
    assertNotEquals("", right.json.path("detail").asText());
  }

  // ------------------------------------------------------------------------------- helpers

  private static Http.Reply signIn(String user, String password, String code) throws Exception {
    return anonymous.post(
        "/operator/sign-in", map("username", user, "password", password, "totp", code));
  }

  /** A code that is none of the accepted window's (the current step and its neighbours). */
  private static String wrongCode() {
    return wrongCode(secret);
  }

  private static String wrongCode(String of) {
    Instant now = Instant.now();
    for (int i = 0; ; i++) {
      String c = String.format("%06d", (123456 + i * 7919) % 1_000_000);
      if (!c.equals(Totp.code(of, now))
          && !c.equals(Totp.code(of, now.minusSeconds(30)))
          && !c.equals(Totp.code(of, now.plusSeconds(30)))
          && !c.equals(Totp.code(of, now.plusSeconds(60)))) {
        return c;
      }
    }
  }

  private static JsonNode account(String username) throws Exception {
    for (JsonNode a : operator.get("/operator/accounts").json) {
      if (a.path("username").asText().equals(username)) {
        return a;
      }
    }
    throw new AssertionError("no account " + username);
  }

  /** The operators' audit rows of {@code who} for {@code operation}. */
  private static List<JsonNode> rows(String who, String operation) throws Exception {
    Http.Reply reply =
        operator.get(
            "/operator/audit?limit=200&who="
                + URLEncoder.encode(who, StandardCharsets.UTF_8)
                + "&operation="
                + URLEncoder.encode(operation, StandardCharsets.UTF_8));
    assertEquals(reply.toString(), 200, reply.status);
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode r : reply.json.path("items")) {
      if (r.path("operation").asText().equals(operation)) {
        rows.add(r);
      }
    }
    return rows;
  }
}
