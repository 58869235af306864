package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Messages;
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
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Residents sign in with a one-time code, end to end: the code goes out through the real SMTP
 * channel to GreenMail (e-mail) or through the log channel (phone), the resident's token reaches
 * their own rooms' pages and nothing else, and the limits hold: five tries, one code a minute per
 * address, the same answer for an address nobody has, a choice when a family shares a number, and
 * staff disabling an account stops its tokens at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ResidentSignInIT {

  private static final String TENANT = "rsi_sun";
  private static final Pattern CODE = Pattern.compile("验证码是 ([0-9]{6})");

  private static TestMailServer mail;
  private static Http anonymous;
  private static Http owner;
  private static long room1;
  private static long room2;
  private static long li;
  private static long wang;
  private static long zhao;
  private static long zhaoMin;
  private static String liAccess;
  private static String liRefresh;

  @Inject private Messages messages;
  @Inject private ConfigurationAdmin configurations;

  @Configuration
  public Option[] config() {
    synchronized (ResidentSignInIT.class) {
      if (mail == null) {
        mail = TestMailServer.start();
      }
    }
    return CourtyardContainer.options(
        systemProperty("courtyard.it.smtp.port").value(String.valueOf(mail.smtpPort)),
        systemProperty("courtyard.it.mail.control").value("http://127.0.0.1:" + mail.controlPort));
  }

  @Before
  public void setUp() throws Exception {
    if (owner != null) {
      return;
    }
    configureSmtp();
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "residents", "billing"));
    long estate = Http.id(owner.post("/estate/estates", map("code", "SUN", "name", "阳光花园")));
    long building =
        Http.id(
            owner.post("/estate/buildings", map("estateId", estate, "code", "B1", "name", "1")));
    long unit =
        Http.id(
            owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "1")));
    room1 = room(unit, "101");
    room2 = room(unit, "102");
    li =
        Http.id(
            owner.post(
                "/residents/persons",
                map("fullName", "李雷", "phone", "13800000001", "email", "Li.Lei@Example.com")));
    wang =
        Http.id(
            owner.post(
                "/residents/persons",
                map("fullName", "王芳", "phone", "13800000002", "email", "wang.fang@example.com")));
    zhao = Http.id(owner.post("/residents/persons", map("fullName", "赵强", "phone", "13800000009")));
    zhaoMin =
        Http.id(owner.post("/residents/persons", map("fullName", "赵敏", "phone", "138 0000 0009")));
    occupancy(li, room1, "owner");
    occupancy(wang, room2, "owner");
    occupancy(zhao, room2, "tenant");
    occupancy(zhaoMin, room2, "family");
    Http.Reply settings = owner.get("/billing/settings");
    YearMonth lastMonth =
        YearMonth.now(ZoneId.of(settings.json.path("timeZone").asText())).minusMonths(1);
    Http.id(
        owner.post(
            "/billing/fee-items",
            map(
                "code",
                "PROP",
                "name",
                "Property fee",
                "kind",
                "fixed",
                "unitPrice",
                new java.math.BigDecimal("100.00"),
                "effectiveFrom",
                lastMonth.atDay(1).toString())));
    Http.Reply run = owner.post("/billing/runs", map("period", lastMonth.toString()));
    assertEquals(run.toString(), 202, run.status);
    long deadline = System.currentTimeMillis() + 30_000;
    JsonNode state = run.json;
    while (List.of("queued", "running").contains(state.path("status").asText())) {
      assertTrue("billing run still running: " + state, System.currentTimeMillis() < deadline);
      Thread.sleep(100);
      state = owner.get("/billing/runs/" + run.json.path("id").asLong()).json;
    }
    assertEquals(state.toString(), "completed", state.path("status").asText());
  }

  @Test
  public void a01_aCodeByEmailSignsTheResidentIntoTheirOwnRooms() throws Exception {
    Http.Reply sent =
        anonymous.post(
            "/auth/resident/code", map("tenant", TENANT, "email", " Li.Lei@Example.com "));
    assertEquals(sent.toString(), 202, sent.status);
    assertEquals("li***@example.com", sent.json.path("sentTo").asText());
    assertEquals(300, sent.json.path("expiresIn").asLong());
    JsonNode message = TestMailbox.awaitOnly("li.lei@example.com");
    assertTrue(message.toString(), message.path("subject").asText().contains("登录验证码"));
    String code = codeIn(message.path("parts").get(0).path("text").asText());

    String wrong = code.equals("000000") ? "000001" : "000000";
    Http.Reply refused = verify(map("email", "li.lei@example.com", "code", wrong));
    assertEquals(refused.toString(), 401, refused.status);
    assertEquals("invalid-code", refused.problemType());
    assertEquals(4, refused.json.path("triesLeft").asInt());

    Http.Reply in = verify(map("email", "LI.LEI@example.com", "code", code));
    assertEquals(in.toString(), 200, in.status);
    assertEquals(li, in.json.path("resident").path("personId").asLong());
    assertEquals("李雷", in.json.path("resident").path("fullName").asText());
    assertTrue(in.json.path("user").isNull() || in.json.path("user").isMissingNode());
    liAccess = in.json.path("accessToken").asText();
    liRefresh = in.json.path("refreshToken").asText();
    JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(liAccess.split("\\.")[1]));
    assertEquals("resident", claims.path("knd").asText());
    assertEquals(li, claims.path("pid").asLong());
    assertEquals(TENANT, claims.path("tid").asText());

    Http resident = anonymous.tenant(liAccess);
    Http.Reply me = resident.get("/auth/me");
    assertEquals(me.toString(), 200, me.status);
    assertEquals("resident", me.json.path("kind").asText());
    assertEquals(String.valueOf(li), me.json.path("subject").asText());
    Http.Reply home = resident.get("/residents/my/home");
    assertEquals(home.toString(), 200, home.status);
    assertEquals(li, home.json.path("person").path("id").asLong());
    assertEquals(1, home.json.path("occupancies").size());
    assertEquals(room1, home.json.path("occupancies").get(0).path("roomId").asLong());
    Http.Reply statement = resident.get("/billing/my/statement");
    assertEquals(statement.toString(), 200, statement.status);
    JsonNode rooms = statement.json.path("rooms");
    assertEquals(statement.text, 1, rooms.size());
    assertEquals(room1, rooms.get(0).path("roomId").asLong());
    assertTrue(statement.text, statement.text.contains("100.00"));
    assertFalse("nothing of room 102", statement.text.contains("\"roomId\":" + room2));

    // the code worked once
    Http.Reply again = verify(map("email", "li.lei@example.com", "code", code));
    assertEquals(again.toString(), 401, again.status);
  }

  @Test
  public void a02_aResidentReachesTheirOwnPagesOnlyAndNobodyElseReachesThem() throws Exception {
    Http resident = anonymous.tenant(liAccess);
    for (String path :
        List.of(
            "/residents/persons",
            "/residents/persons/" + wang,
            "/residents/rooms/" + room2 + "/occupancies",
            "/billing/bills?roomId=" + room2,
            "/billing/persons/" + wang + "/statement",
            "/billing/rooms/" + room1 + "/statement",
            "/identity/users",
            "/identity/residents")) {
      Http.Reply r = resident.get(path);
      assertEquals(path + ": " + r, 403, r.status);
      assertEquals(path, "permission-denied", r.problemType());
    }
    Http.Reply write =
        resident.post("/residents/persons", map("fullName", "X", "phone", "13800000077"));
    assertEquals(write.toString(), 403, write.status);
    // the owner token holds every staff permission but has no rooms of its own
    Http.Reply ownerMine = owner.get("/billing/my/statement");
    assertEquals(ownerMine.toString(), 403, ownerMine.status);
    assertEquals("permission-denied", ownerMine.problemType());
    Http staff = owner.staff(TENANT, "rsi.admin", "administrator", "company");
    assertEquals(403, staff.get("/residents/my/home").status);
  }

  @Test
  public void a03_anAddressNobodyHasAnswersTheSameAndGetsNothing() throws Exception {
    Http.Reply sent =
        anonymous.post(
            "/auth/resident/code", map("tenant", TENANT, "email", "nobody.here@example.com"));
    assertEquals(sent.toString(), 202, sent.status);
    assertEquals("no***@example.com", sent.json.path("sentTo").asText());
    assertEquals(300, sent.json.path("expiresIn").asLong());
    Thread.sleep(1_000);
    assertEquals(0, TestMailbox.of("nobody.here@example.com").size());
    Http.Reply guess = verify(map("email", "nobody.here@example.com", "code", "123456"));
    assertEquals(guess.toString(), 401, guess.status);
    assertEquals("invalid-code", guess.problemType());

    Http.Reply badPhone =
        anonymous.post("/auth/resident/code", map("tenant", TENANT, "phone", "12"));
    assertEquals(badPhone.toString(), 422, badPhone.status);
    Http.Reply both =
        anonymous.post(
            "/auth/resident/code",
            map("tenant", TENANT, "phone", "13800000001", "email", "li.lei@example.com"));
    assertEquals(both.toString(), 400, both.status);
  }

  @Test
  public void a04_fiveWrongTriesEndTheCodeAndCodesComeOnceAMinute() throws Exception {
    Http.Reply sent =
        anonymous.post(
            "/auth/resident/code",
            map("tenant", TENANT, "email", "wang.fang@example.com", "language", "en"));
    assertEquals(sent.toString(), 202, sent.status);
    JsonNode message = TestMailbox.awaitOnly("wang.fang@example.com");
    assertTrue(message.toString(), message.path("subject").asText().contains("sign-in code"));
    Matcher m =
        Pattern.compile("code is ([0-9]{6})")
            .matcher(message.path("parts").get(0).path("text").asText());
    assertTrue(message.toString(), m.find());
    String code = m.group(1);
    String wrong = code.equals("999999") ? "999998" : "999999";
    for (int left = 4; left >= 0; left--) {
      Http.Reply r = verify(map("email", "wang.fang@example.com", "code", wrong));
      assertEquals(r.toString(), 401, r.status);
      assertEquals(r.toString(), left, r.json.path("triesLeft").asInt());
    }
    Http.Reply late = verify(map("email", "wang.fang@example.com", "code", code));
    assertEquals("the right code after five wrong ones: " + late, 401, late.status);

    Http.Reply soon =
        anonymous.post(
            "/auth/resident/code", map("tenant", TENANT, "email", "wang.fang@example.com"));
    assertEquals(soon.toString(), 429, soon.status);
    assertEquals("too-many-codes", soon.problemType());
    long retry = Long.parseLong(soon.header("Retry-After"));
    assertTrue(soon.toString(), retry > 0 && retry <= 60);
    assertEquals("no second message", 1, TestMailbox.of("wang.fang@example.com").size());
  }

  @Test
  public void a05_aFamilySharingANumberIsAskedWhoIsSigningIn() throws Exception {
    Http.Reply sent =
        anonymous.post("/auth/resident/code", map("tenant", TENANT, "phone", "+86 138-0000-0009"));
    assertEquals(sent.toString(), 202, sent.status);
    String code = Http.codeInLog(TENANT, "+86138****0009");

    Http.Reply choose = verify(map("phone", "13800000009", "code", code));
    assertEquals(choose.toString(), 409, choose.status);
    assertEquals("choose-person", choose.problemType());
    JsonNode persons = choose.json.path("persons");
    assertEquals(choose.text, 2, persons.size());
    assertEquals(zhao, persons.get(0).path("personId").asLong());
    assertEquals(zhaoMin, persons.get(1).path("personId").asLong());

    Http.Reply notOne = verify(map("phone", "13800000009", "code", code, "personId", li));
    assertEquals("not a person at that number: " + notOne, 409, notOne.status);
    Http.Reply in = verify(map("phone", "13800000009", "code", code, "personId", zhaoMin));
    assertEquals(in.toString(), 200, in.status);
    assertEquals(zhaoMin, in.json.path("resident").path("personId").asLong());
    Http.Reply home =
        anonymous.tenant(in.json.path("accessToken").asText()).get("/residents/my/home");
    assertEquals(home.toString(), 200, home.status);
    assertEquals("赵敏", home.json.path("person").path("fullName").asText());
    assertEquals(room2, home.json.path("occupancies").get(0).path("roomId").asLong());
  }

  @Test
  public void a06_refreshRotatesAndStaffDisablingStopsTheResidentAtOnce() throws Exception {
    Http.Reply refreshed = anonymous.post("/auth/refresh", map("refreshToken", liRefresh));
    assertEquals(refreshed.toString(), 200, refreshed.status);
    assertEquals(li, refreshed.json.path("resident").path("personId").asLong());
    String access = refreshed.json.path("accessToken").asText();
    assertNotEquals(liRefresh, refreshed.json.path("refreshToken").asText());
    assertEquals(200, anonymous.tenant(access).get("/billing/my/statement").status);

    Http.Reply accounts = owner.get("/identity/residents?personId=" + li);
    assertEquals(accounts.toString(), 200, accounts.status);
    JsonNode account = accounts.json.path("items").get(0);
    assertEquals("email", account.path("lastKind").asText());
    assertEquals("li***@example.com", account.path("lastAddress").asText());
    long id = account.path("id").asLong();
    Http.Reply disabled = owner.post("/identity/residents/" + id + "/disable", "");
    assertEquals(disabled.toString(), 200, disabled.status);
    assertEquals("disabled", disabled.json.path("status").asText());

    assertEquals(401, anonymous.tenant(access).get("/billing/my/statement").status);
    Http.Reply noRefresh =
        anonymous.post(
            "/auth/refresh", map("refreshToken", refreshed.json.path("refreshToken").asText()));
    assertEquals(noRefresh.toString(), 401, noRefresh.status);

    Http.Reply audit = owner.get("/identity/audit?limit=100");
    assertEquals(audit.toString(), 200, audit.status);
    int signIns = 0;
    for (JsonNode row : audit.json.path("items")) {
      if (row.path("operation").asText().equals("POST /auth/resident/verify")
          && row.path("outcome").asText().equals("ok")) {
        signIns++;
      }
    }
    assertEquals(audit.text, 2, signIns);
    boolean disableAudited = false;
    for (JsonNode row : audit.json.path("items")) {
      disableAudited |=
          row.path("operation").asText().equals("POST /identity/residents/{id}/disable")
              && row.path("objectIds").asText().equals(String.valueOf(id));
    }
    assertTrue(audit.text, disableAudited);
  }

  // ------------------------------------------------------------------------------- helpers

  private static Http.Reply verify(java.util.Map<String, Object> body) throws Exception {
    body.put("tenant", TENANT);
    return anonymous.post("/auth/resident/verify", body);
  }

  private static long room(long unit, String number) throws Exception {
    return Http.id(
        owner.post(
            "/estate/rooms",
            map("unitId", unit, "number", number, "floor", 1, "area", 88, "type", "residential")));
  }

  private static void occupancy(long person, long room, String role) throws Exception {
    Http.id(
        owner.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room, "role", role, "moveIn", "2024-01-01")));
  }

  private static String codeIn(String text) {
    Matcher m = CODE.matcher(text);
    assertTrue(text, m.find());
    return m.group(1);
  }

  private void configureSmtp() throws Exception {
    org.osgi.service.cm.Configuration cfg =
        configurations.getConfiguration("org.courtyard.messaging.smtp", "?");
    Dictionary<String, Object> p = new Hashtable<>();
    p.put("host", "127.0.0.1");
    p.put("port", Integer.getInteger("courtyard.it.smtp.port"));
    p.put("security", "none");
    p.put("fromAddress", "noreply@courtyard.test");
    cfg.update(p);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!messages.channels(Address.EMAIL).get(0).equals("email")) {
      if (System.currentTimeMillis() > deadline) {
        fail("the SMTP channel did not start: " + messages.channels(Address.EMAIL));
      }
      Thread.sleep(100);
    }
  }
}
