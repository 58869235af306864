package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Billing's data scopes (#11) through the real sign-in: a tenant with two estates, staff granted
 * the accountant role (every billing permission) for estate 1, for one building of it, and for the
 * whole company. Lists, reports, statements and the ledger check hold the rows of the scope only;
 * every read of another estate's bill, meter, ledger transaction, room or resident answers the
 * not-found problem a missing id answers; writes into another estate are refused the same way and
 * change nothing; company settings and fee items need the whole company (403 outside-scope); a run
 * posted in a scope bills the rooms there only; an Idempotency-Key replay never shows another
 * estate's payment; and rows written before the scopes get their place from the backfill.
 *
 * <p>The tests build on each other in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BillingScopeIT {

  private static final String TENANT = "bscope";
  private static final String SCHEMA = "t_" + TENANT;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final List<String> TABLES =
      List.of(
          "fee_item",
          "billing_settings",
          "billing_run",
          "bill",
          "bill_line",
          "room_account",
          "payment",
          "allocation",
          "refund",
          "ledger_tx",
          "ledger_entry",
          "idempotency_record",
          "meter",
          "meter_reading");

  private static Http operator;
  private static Http owner;

  /** Accountants granted estate 1, building B12 of estate 1, and the whole company. */
  private static Http estate1;

  private static Http building12;
  private static Http buildings11and12;
  private static Http company;
  private static YearMonth lastMonth;
  private static YearMonth monthBefore;
  private static long e1;
  private static long b11;
  private static long b12;
  private static long e2;
  private static Map<String, Long> rooms;
  private static Set<Long> roomsE1;
  private static Set<Long> roomsB12;
  private static long feeProp;
  private static long feeKey;
  private static long meter101;
  private static long meter201;
  private static long meter301;
  private static long personBoth;
  private static long personE2;
  private static String keyE2;
  private static Map<String, Object> paymentE2;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (company != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard(TENANT, List.of("estate", "residents", "billing")));
    Http.Reply settings = owner.get("/billing/settings");
    assertEquals(settings.toString(), 200, settings.status);
    lastMonth = YearMonth.now(ZoneId.of(settings.json.path("timeZone").asText())).minusMonths(1);
    monthBefore = lastMonth.minusMonths(1);

    // estate 1: B11 with 101, 102, 103 and B12 with 201, 202; estate 2: B21 with 301, 302
    rooms = new LinkedHashMap<>();
    e1 = create(owner, "/estate/estates", map("code", "SE1", "name", "Scope One"));
    b11 = building(e1, "B11", "101", "102", "103");
    b12 = building(e1, "B12", "201", "202");
    e2 = create(owner, "/estate/estates", map("code", "SE2", "name", "Scope Two"));
    building(e2, "B21", "301", "302");
    roomsE1 = Set.of(room("101"), room("102"), room("103"), room("201"), room("202"));
    roomsB12 = Set.of(room("201"), room("202"));

    feeProp =
        create(
            owner,
            "/billing/fee-items",
            map(
                "code",
                "S_PROP",
                "name",
                "Property fee",
                "kind",
                "area",
                "unitPrice",
                2,
                "effectiveFrom",
                "2020-01-01"));
    feeKey =
        create(
            owner,
            "/billing/fee-items",
            map(
                "code",
                "S_KEY",
                "name",
                "Key deposit",
                "kind",
                "one_off",
                "unitPrice",
                50,
                "effectiveFrom",
                "2020-01-01"));
    JsonNode run = runPeriod(owner, lastMonth);
    assertEquals(7, run.path("billsCreated").asInt());

    Http.Reply paid =
        post(owner, "/billing/payments", "k-e1-" + UUID.randomUUID(), pay(room("101"), "30.00"));
    assertEquals(paid.toString(), 201, paid.status);
    keyE2 = "k-e2-" + UUID.randomUUID();
    paymentE2 = pay(room("301"), "77.77");
    Http.Reply paidE2 = post(owner, "/billing/payments", keyE2, paymentE2);
    assertEquals(paidE2.toString(), 201, paidE2.status);
    meter101 = meter(owner, room("101"), "SC-W-101");
    meter201 = meter(owner, room("201"), "SC-W-201");
    meter301 = meter(owner, room("301"), "SC-W-301");
    for (long m : List.of(meter101, meter201, meter301)) {
      Http.Reply r =
          owner.post(
              "/billing/meters/" + m + "/readings",
              map("readAt", lastMonth.atDay(1).toString(), "value", 100));
      assertEquals(r.toString(), 201, r.status);
    }

    personBoth =
        create(owner, "/residents/persons", map("fullName", "Both Rooms", "phone", "13800000011"));
    personE2 =
        create(owner, "/residents/persons", map("fullName", "Two Only", "phone", "13800000012"));
    occupy(personBoth, room("101"));
    occupy(personBoth, room("301"));
    occupy(personE2, room("302"));

    estate1 = owner.staff(TENANT, "acc_e1", "accountant", "estates", e1);
    building12 = owner.staff(TENANT, "acc_b12", "accountant", "buildings", b12);
    buildings11and12 = owner.staff(TENANT, "acc_b1112", "accountant", "buildings", b11, b12);
    company = owner.staff(TENANT, "acc_all", "accountant", "company");
  }

  // ------------------------------------------------------------------------------- the tests

  @Test
  public void a01_listsAndReportsHoldTheRowsOfTheScopeOnly() throws Exception {
    assertEquals(roomsE1, roomIds(all(estate1, "/billing/bills?period=" + lastMonth)));
    assertEquals(roomsB12, roomIds(all(building12, "/billing/bills?period=" + lastMonth)));
    assertEquals(7, all(company, "/billing/bills?period=" + lastMonth).size());
    assertEquals(7, all(owner, "/billing/bills?period=" + lastMonth).size());
    // pages of two still give every bill of the scope once
    List<JsonNode> paged = all(estate1, "/billing/bills?period=" + lastMonth, 2);
    assertEquals(5, paged.size());
    assertEquals(5, ids(paged).size());
    assertEquals(0, all(estate1, "/billing/bills?roomId=" + room("301")).size());
    // one building's bills, for the owner and within an estate's scope
    assertEquals(
        roomsB12, roomIds(all(owner, "/billing/bills?period=" + lastMonth + "&buildingId=" + b12)));
    assertEquals(
        roomsB12,
        roomIds(all(estate1, "/billing/bills?period=" + lastMonth + "&buildingId=" + b12, 1)));
    // two buildings' pages are merged: still every bill once, in id order
    List<JsonNode> merged = all(buildings11and12, "/billing/bills?period=" + lastMonth, 2);
    assertEquals(roomsE1, roomIds(merged));
    assertEquals(5, ids(merged).size());
    assertEquals(ids(paged), ids(merged));
    List<Long> order = new ArrayList<>();
    merged.forEach(b -> order.add(b.path("id").asLong()));
    assertEquals(order.stream().sorted().toList(), order);

    assertEquals(Set.of(meter101, meter201), ids(all(estate1, "/billing/meters")));
    assertEquals(Set.of(meter201), ids(all(building12, "/billing/meters")));
    assertEquals(Set.of(meter101, meter201), ids(all(buildings11and12, "/billing/meters", 1)));
    assertEquals(Set.of(meter101, meter201, meter301), ids(all(company, "/billing/meters")));
    assertEquals(0, all(estate1, "/billing/meters?roomId=" + room("301")).size());

    String asOf = lastMonth.atEndOfMonth().plusDays(100).toString();
    JsonNode arrears = estate1.get("/billing/arrears?asOf=" + asOf).json;
    assertEquals(roomsE1, roomIds(arrears.path("items")));
    assertEquals(
        0,
        decimal("select sum(total - paid) from " + SCHEMA + ".bill where room_id = any(?)", roomsE1)
            .compareTo(arrears.path("total").decimalValue()));
    assertEquals(roomsE1, roomIds(all(buildings11and12, "/billing/arrears?asOf=" + asOf, 2)));
    assertEquals(roomsB12, roomIds(all(building12, "/billing/arrears?asOf=" + asOf, 1)));
    JsonNode reminders = building12.get("/billing/arrears/reminders?asOf=" + asOf).json;
    assertEquals(roomsB12, roomIds(reminders.path("items")));

    JsonNode stats = estate1.get("/billing/statistics/collection?period=" + lastMonth).json;
    assertEquals(
        0,
        decimal("select sum(total) from " + SCHEMA + ".bill where room_id = any(?)", roomsE1)
            .compareTo(stats.path("billed").decimalValue()));
    Set<Long> buildings = new HashSet<>();
    stats.path("buildings").forEach(b -> buildings.add(b.path("buildingId").asLong()));
    assertEquals(Set.of(b11, b12), buildings);

    JsonNode ledger = estate1.get("/billing/ledger/check").json;
    assertEquals(
        0,
        decimal(
                "select sum(debit) from " + SCHEMA + ".ledger_entry where room_id = any(?)",
                roomsE1)
            .compareTo(ledger.path("debits").decimalValue()));
    assertTrue(ledger.toString(), ledger.path("balanced").asBoolean());
    assertEquals(
        0,
        decimal("select sum(debit) from " + SCHEMA + ".ledger_entry")
            .compareTo(company.get("/billing/ledger/check").json.path("debits").decimalValue()));

    // company-level configuration and runs are read in any scope
    assertEquals(Set.of(feeProp, feeKey), ids(all(building12, "/billing/fee-items")));
    assertEquals(200, building12.get("/billing/fee-items/" + feeProp).status);
    assertEquals(200, building12.get("/billing/settings").status);
    assertEquals(1, all(building12, "/billing/runs").size());
  }

  @Test
  public void a02_readsOutsideTheScopeAnswerAsMissingIds() throws Exception {
    JsonNode billE2 = all(owner, "/billing/bills?roomId=" + room("301")).get(0);
    long billIdE2 = billE2.path("id").asLong();
    String txE2 = billE2.path("txId").asText();
    long billIdB11 = all(owner, "/billing/bills?roomId=" + room("101")).get(0).path("id").asLong();
    long missing = 987654321L;
    String missingTx = UUID.randomUUID().toString();

    assertSameAsMissing(estate1, "/billing/bills/", billIdE2, missing);
    assertSameAsMissing(building12, "/billing/bills/", billIdB11, missing);
    assertSameAsMissing(estate1, "/billing/meters/", meter301, missing);
    assertSameAsMissing(building12, "/billing/meters/", meter101, missing);
    assertSameAsMissing(estate1, "/billing/meters/" + meter301 + "/readings", missing);
    assertSameAsMissing(estate1, "/billing/rooms/", room("301"), missing, "/statement");
    assertSameAsMissing(building12, "/billing/rooms/", room("102"), missing, "/statement");
    assertSameAsMissing(estate1, "/billing/persons/", personE2, missing, "/statement");
    assertSameAsMissing(building12, "/billing/persons/", personBoth, missing, "/statement");
    Http.Reply tx = estate1.get("/billing/ledger/transactions/" + txE2);
    Http.Reply noTx = estate1.get("/billing/ledger/transactions/" + missingTx);
    assertProblem(tx, 404, "not-found");
    assertEquals(noTx.json.path("title"), tx.json.path("title"));
    assertEquals(
        noTx.json.path("detail").asText().replace(missingTx, txE2),
        tx.json.path("detail").asText());
    assertEquals(404, raw(estate1, "/billing/rooms/" + room("301") + "/statement.html"));
    assertEquals(404, raw(estate1, "/billing/persons/" + personE2 + "/statement.html"));

    // in scope: answered in full
    assertEquals(200, estate1.get("/billing/ledger/transactions/" + billTx(room("101"))).status);
    assertEquals(200, building12.get("/billing/meters/" + meter201 + "/readings").status);
    assertEquals(200, raw(estate1, "/billing/rooms/" + room("101") + "/statement.html"));

    // a resident's statement shows the rooms of the scope only, with their totals
    JsonNode mine = estate1.get("/billing/persons/" + personBoth + "/statement").json;
    assertEquals(List.of(room("101")), roomIdList(mine.path("rooms")));
    JsonNode statement101 = estate1.get("/billing/rooms/" + room("101") + "/statement").json;
    assertEquals(
        0,
        statement101.path("billed").decimalValue().compareTo(mine.path("billed").decimalValue()));
    JsonNode whole = company.get("/billing/persons/" + personBoth + "/statement").json;
    assertEquals(List.of(room("101"), room("301")), roomIdList(whole.path("rooms")));
  }

  @Test
  public void a03_writesOutsideTheScopeAreRefusedAndChangeNothing() throws Exception {
    Map<String, Long> before = rowCounts();
    String settingsBefore = owner.get("/billing/settings").text;
    long e2Room = room("301");
    long missing = 987654321L;

    // rooms in a body: the answer a room that does not exist gets
    assertSameAsMissingRoom(
        estate1, "/billing/payments", pay(e2Room, "5.00"), pay(missing, "5.00"), e2Room, missing);
    assertSameAsMissingRoom(
        estate1, "/billing/refunds", pay(e2Room, "1.00"), pay(missing, "1.00"), e2Room, missing);
    assertSameAsMissingRoom(
        building12,
        "/billing/payments",
        pay(room("101"), "5.00"),
        pay(missing, "5.00"),
        room("101"),
        missing);
    Http.Reply charge =
        estate1.post(
            "/billing/fee-items/" + feeKey + "/charges",
            map("roomIds", List.of(room("102"), e2Room)));
    assertProblem(charge, 422, "validation-failed");
    assertTrue(charge.text, charge.text.contains("room " + e2Room + " does not exist"));
    Http.Reply meter = estate1.post("/billing/meters", meterBody(e2Room, "SC-W-X"));
    assertProblem(meter, 422, "validation-failed");
    assertTrue(meter.text, meter.text.contains("room " + e2Room + " does not exist"));

    // objects outside the scope named in the URL: 404
    assertProblem(
        estate1.post(
            "/billing/meters/" + meter301 + "/readings",
            map("readAt", lastMonth.atDay(2).toString(), "value", 120)),
        404,
        "not-found");
    assertProblem(
        estate1.post("/billing/ledger/transactions/" + billTx(e2Room) + "/reverse", ""),
        404,
        "not-found");
    Http.Reply imported =
        estate1.postCsv(
            "/billing/meters/readings/import",
            "serial,read_at,value\nSC-W-301," + lastMonth.atDay(3) + ",130\n");
    assertProblem(imported, 422, "import-rejected");
    assertTrue(imported.text, imported.text.contains("no meter has serial SC-W-301"));

    // company configuration: 403 outside-scope, naming what and why
    Http.Reply settings =
        estate1.put(
            "/billing/settings",
            map("currency", "USD", "graceDays", 3, "timeZone", "Asia/Shanghai", "version", 0));
    assertProblem(settings, 403, "outside-scope");
    assertEquals("Outside your scope", settings.json.path("title").asText());
    assertTrue(settings.text, settings.text.contains("billing settings"));
    assertTrue(settings.text, settings.text.contains("whole company"));
    assertProblem(
        estate1.post(
            "/billing/fee-items",
            map(
                "code",
                "S_HACK",
                "name",
                "Hack",
                "kind",
                "fixed",
                "unitPrice",
                1,
                "effectiveFrom",
                "2020-01-01")),
        403,
        "outside-scope");
    assertProblem(
        building12.put(
            "/billing/fee-items/" + feeProp,
            map(
                "code",
                "S_PROP",
                "name",
                "Cheaper",
                "kind",
                "area",
                "unitPrice",
                1,
                "effectiveFrom",
                "2020-01-01",
                "version",
                0)),
        403,
        "outside-scope");

    // an Idempotency-Key of another estate's payment: replayed by a narrower caller, the room's
    // not-found answer, never the stored payment; reused for a room of the scope, key-reused
    Http.Reply replay = post(estate1, "/billing/payments", keyE2, paymentE2);
    assertProblem(replay, 422, "validation-failed");
    assertTrue(replay.text, replay.text.contains("room " + e2Room + " does not exist"));
    assertFalse(replay.text, replay.text.contains("77.77"));
    Http.Reply reused = post(estate1, "/billing/payments", keyE2, pay(room("102"), "77.77"));
    assertProblem(reused, 422, "idempotency-key-reused");
    assertFalse(reused.text, reused.text.contains(String.valueOf(e2Room)));
    // the owner's replay is still the stored answer
    Http.Reply ownerReplay = post(owner, "/billing/payments", keyE2, paymentE2);
    assertEquals(ownerReplay.toString(), 201, ownerReplay.status);
    assertEquals(e2Room, ownerReplay.json.path("roomId").asLong());

    assertEquals(before, rowCounts());
    assertEquals(settingsBefore, owner.get("/billing/settings").text);
  }

  @Test
  public void a04_writesInTheScopeWork() throws Exception {
    String key = "k-" + UUID.randomUUID();
    Http.Reply paid = post(estate1, "/billing/payments", key, pay(room("102"), "12.34"));
    assertEquals(paid.toString(), 201, paid.status);
    Http.Reply again = post(estate1, "/billing/payments", key, pay(room("102"), "12.34"));
    assertEquals(paid.text, again.text);
    assertEquals(
        1, count("select count(*) from " + SCHEMA + ".payment where idempotency_key = ?", key));
    Http.Reply b12Paid =
        post(building12, "/billing/payments", "k-" + UUID.randomUUID(), pay(room("201"), "1.00"));
    assertEquals(b12Paid.toString(), 201, b12Paid.status);
    // allocations to another estate's bill are refused like any bill not open for the room
    long billE2 = all(owner, "/billing/bills?roomId=" + room("302")).get(0).path("id").asLong();
    Map<String, Object> allocated = pay(room("103"), "1.00");
    allocated.put("allocations", List.of(map("billId", billE2, "amount", 1)));
    Http.Reply wrongBill = post(estate1, "/billing/payments", "k-" + UUID.randomUUID(), allocated);
    assertProblem(wrongBill, 422, "validation-failed");

    Http.Reply charged =
        estate1.post(
            "/billing/fee-items/" + feeKey + "/charges", map("roomIds", List.of(room("103"))));
    assertEquals(charged.toString(), 201, charged.status);
    long m = meter(estate1, room("202"), "SC-W-202");
    Http.Reply reading =
        building12.post(
            "/billing/meters/" + m + "/readings",
            map("readAt", lastMonth.atDay(1).toString(), "value", 5));
    assertEquals(reading.toString(), 201, reading.status);
    Http.Reply reversed =
        estate1.post(
            "/billing/ledger/transactions/" + paid.json.path("txId").asText() + "/reverse", "");
    assertEquals(reversed.toString(), 201, reversed.status);

    // written with their places: in the scopes at once
    assertTrue(ids(all(building12, "/billing/meters")).contains(m));
    assertEquals(
        0,
        count(
            "select count(*) from "
                + SCHEMA
                + ".room_account where estate_id is null"
                + " or building_id is null"));
    assertEquals(0, count("select count(*) from " + SCHEMA + ".bill where estate_id is null"));
  }

  @Test
  public void a05_aRunPostedInAScopeBillsTheRoomsThereOnly() throws Exception {
    Http.Reply started = estate1.post("/billing/runs", map("period", monthBefore.toString()));
    assertEquals(started.toString(), 202, started.status);
    assertEquals(5, started.json.path("roomsTotal").asInt());
    assertEquals(e1, started.json.path("scope").path("estateIds").get(0).asLong());
    JsonNode run = await(estate1, started.json.path("id").asLong());
    assertEquals(5, run.path("billsCreated").asInt());
    assertEquals(roomsE1, billedRooms(monthBefore));

    // another scope's run and then the company's bill only the rooms left, each once
    assertEquals(0, runPeriod(building12, monthBefore).path("billsCreated").asInt());
    JsonNode companyRun = runPeriod(owner, monthBefore);
    assertEquals(2, companyRun.path("billsCreated").asInt());
    assertTrue(companyRun.path("scope").isNull());
    assertEquals(
        7,
        count(
            "select count(distinct room_id) from "
                + SCHEMA
                + ".bill where period = ?"
                + " and kind = 'periodic'",
            monthBefore.toString()));
    assertEquals(
        7,
        count(
            "select count(*) from " + SCHEMA + ".bill where period = ? and kind = 'periodic'",
            monthBefore.toString()));
    // runs are the company's history: read in any scope
    assertEquals(4, all(building12, "/billing/runs").size());
  }

  @Test
  public void a06_rowsWrittenBeforeTheScopesGetTheirPlaceFromTheBackfill() throws Exception {
    int visible = all(estate1, "/billing/bills").size();
    assertTrue(visible >= 10);
    try (Connection c = PlatformIT.db();
        Statement s = c.createStatement()) {
      s.execute("update " + SCHEMA + ".bill set estate_id = null");
      s.execute("update " + SCHEMA + ".meter set estate_id = null, building_id = null");
      // as before V6: accounts only for rooms that moved money, without a place
      s.execute(
          "delete from "
              + SCHEMA
              + ".room_account a where not exists (select 1 from "
              + SCHEMA
              + ".payment p where p.room_id = a.room_id)");
      s.execute("update " + SCHEMA + ".room_account set estate_id = null, building_id = null");
    }
    // not yet backfilled: in no narrow scope, all still the company's
    assertEquals(0, all(estate1, "/billing/bills").size());
    assertEquals(0, all(estate1, "/billing/meters").size());
    assertEquals(0, all(building12, "/billing/meters").size());
    assertEquals(
        0, estate1.get("/billing/ledger/check").json.path("debits").decimalValue().signum());
    assertProblem(
        estate1.get("/billing/ledger/transactions/" + billTx(room("101"))), 404, "not-found");
    assertEquals(4, all(company, "/billing/meters").size());

    assertEquals(200, operator.delete("/operator/tenants/" + TENANT + "/modules/billing").status);
    assertEquals(200, operator.post("/operator/tenants/" + TENANT + "/modules/billing", "").status);
    long deadline = System.currentTimeMillis() + 60_000;
    while (count("select count(*) from " + SCHEMA + ".bill where estate_id is null") > 0
        || count("select count(*) from " + SCHEMA + ".room_account where estate_id is null") > 0) {
      assertTrue("backfill not done in 60 s", System.currentTimeMillis() < deadline);
      Thread.sleep(200);
    }
    assertEquals(0, count("select count(*) from " + SCHEMA + ".meter where estate_id is null"));
    // every billed room has its account again, with the place estate has for it
    assertEquals(
        0,
        count(
            "select count(*) from (select distinct room_id from "
                + SCHEMA
                + ".bill) b"
                + " where not exists (select 1 from "
                + SCHEMA
                + ".room_account a where a.room_id = b.room_id)"));
    assertEquals(
        0,
        count(
            "select count(*) from "
                + SCHEMA
                + ".room_account a join "
                + SCHEMA
                + ".room r on r.id = a.room_id join "
                + SCHEMA
                + ".building g on g.id = r.building_id"
                + " where a.building_id <> r.building_id or a.estate_id <> g.estate_id"));
    assertEquals(visible, all(estate1, "/billing/bills").size());
    assertEquals(3, all(estate1, "/billing/meters").size());
    assertEquals(
        0,
        decimal(
                "select sum(debit) from " + SCHEMA + ".ledger_entry where room_id = any(?)",
                roomsE1)
            .compareTo(estate1.get("/billing/ledger/check").json.path("debits").decimalValue()));
  }

  @Test
  public void a07_arrearsTotalsAreTheSumsOfTheListInEachScope() throws Exception {
    // bills of two periods a month apart (and a one-off charge): on these days they fall into
    // one, two or all of the buckets
    LocalDate due = LocalDate.parse(billOf(owner, room("101"), lastMonth).path("dueDate").asText());
    Set<String> nonEmpty = new HashSet<>();
    for (LocalDate asOf :
        List.of(
            due.minusDays(5),
            due.plusDays(1),
            due.plusDays(20),
            due.plusDays(70),
            due.plusDays(200))) {
      for (Http api : List.of(owner, company, estate1, building12, buildings11and12)) {
        JsonNode summary = api.get("/billing/arrears/summary?asOf=" + asOf).json;
        List<JsonNode> rows = all(api, "/billing/arrears?asOf=" + asOf, 2);
        String where = api.base + " " + asOf + " " + summary;
        assertEquals(where, asOf.toString(), summary.path("asOf").asText());
        assertEquals(where, rows.size(), summary.path("rooms").asLong());
        assertEquals(where, 0, sum(rows, "outstanding").compareTo(decimal(summary, "total")));
        assertEquals(
            where,
            0,
            api.get("/billing/arrears?limit=1&asOf=" + asOf)
                .json
                .path("total")
                .decimalValue()
                .compareTo(decimal(summary, "total")));
        JsonNode buckets = summary.path("buckets");
        assertEquals(where, 3, buckets.size());
        for (JsonNode bucket : buckets) {
          String key = bucket.path("key").asText();
          assertEquals(where, 0, sum(rows, key).compareTo(decimal(bucket, "amount")));
          assertEquals(
              where,
              rows.stream().filter(r -> r.path(key).decimalValue().signum() > 0).count(),
              bucket.path("rooms").asLong());
          if (bucket.path("rooms").asLong() > 0) {
            nonEmpty.add(key);
          }
        }
      }
    }
    assertEquals(Set.of("days0to30", "days31to90", "days90plus"), nonEmpty);
    // a scope holds its own rooms only: estate 1's and estate 2's rooms make the company's
    LocalDate asOf = due.plusDays(70);
    JsonNode whole = owner.get("/billing/arrears/summary?asOf=" + asOf).json;
    JsonNode one = estate1.get("/billing/arrears/summary?asOf=" + asOf).json;
    assertEquals(roomsE1.size(), one.path("rooms").asLong());
    assertEquals(7, whole.path("rooms").asLong());
    assertEquals(
        0,
        decimal(
                "select sum(total - paid) from "
                    + SCHEMA
                    + ".bill where status = 'open' and due_date < ? and room_id = any(?)",
                java.sql.Date.valueOf(asOf),
                roomsE1)
            .compareTo(decimal(one, "total")));
    assertTrue(decimal(whole, "total").compareTo(decimal(one, "total")) > 0);

    // without a day: today in the company's zone; a day that is not one: the list's 400
    assertEquals(200, estate1.get("/billing/arrears/summary").status);
    assertProblem(
        estate1.get("/billing/arrears/summary?asOf=2026-13-01"), 400, "invalid-parameter");
    assertProblem(estate1.get("/billing/arrears/summary?asOf=yesterday"), 400, "invalid-parameter");
  }

  @Test
  public void a08_billsNameTheirRoomsAsEstateDoes() throws Exception {
    String label101 = "SE1/B11/U1/101";
    List<JsonNode> bills = all(owner, "/billing/bills", 3);
    assertFalse(bills.isEmpty());
    for (JsonNode b : bills) {
      String number = numberOf(b.path("roomId").asLong());
      assertTrue(b.toString(), b.path("roomLabel").asText().endsWith("/U1/" + number));
    }
    JsonNode first = all(estate1, "/billing/bills?roomId=" + room("101")).get(0);
    assertEquals(label101, first.path("roomLabel").asText());
    assertEquals(
        label101,
        owner.get("/billing/bills/" + first.path("id").asLong()).json.path("roomLabel").asText());
    for (JsonNode b : all(building12, "/billing/bills", 2)) {
      assertTrue(b.toString(), b.path("roomLabel").asText().startsWith("SE1/B12/U1/"));
    }
    // the statement's bills too
    JsonNode statement = estate1.get("/billing/rooms/" + room("101") + "/statement").json;
    statement.path("bills").forEach(b -> assertEquals(label101, b.path("roomLabel").asText()));
    assertEquals(label101, statement.path("label").asText());
  }

  // ------------------------------------------------------------------------------- helpers

  private static JsonNode billOf(Http api, long room, YearMonth period) throws Exception {
    return all(api, "/billing/bills?roomId=" + room + "&period=" + period).get(0);
  }

  private static String numberOf(long roomId) {
    return rooms.entrySet().stream()
        .filter(e -> e.getValue() == roomId)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static BigDecimal sum(List<JsonNode> rows, String field) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode r : rows) {
      sum = sum.add(r.path(field).decimalValue());
    }
    return sum;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    assertTrue(node.toString(), node.path(field).isNumber());
    return node.path(field).decimalValue();
  }

  private static long room(String number) {
    return rooms.get(number);
  }

  private static long building(long estate, String code, String... numbers) throws Exception {
    long building =
        create(owner, "/estate/buildings", map("estateId", estate, "code", code, "name", code));
    long unit =
        create(owner, "/estate/units", map("buildingId", building, "code", "U1", "name", "U1"));
    for (String number : numbers) {
      rooms.put(
          number,
          create(
              owner,
              "/estate/rooms",
              map(
                  "unitId",
                  unit,
                  "number",
                  number,
                  "floor",
                  1,
                  "area",
                  80,
                  "type",
                  "residential")));
    }
    return building;
  }

  private static void occupy(long person, long room) throws Exception {
    create(
        owner,
        "/residents/occupancies",
        map("personId", person, "roomId", room, "role", "owner", "moveIn", "2024-01-01"));
  }

  private static long meter(Http api, long room, String serial) throws Exception {
    return create(api, "/billing/meters", meterBody(room, serial));
  }

  private static Map<String, Object> meterBody(long room, String serial) {
    return map("roomId", room, "type", "water", "serial", serial, "installedAt", "2020-01-01");
  }

  private static Map<String, Object> pay(long room, String amount) {
    return map("roomId", room, "amount", new BigDecimal(amount), "method", "cash");
  }

  /** The ledger transaction of the room's bill of last month. */
  private static String billTx(long room) throws Exception {
    for (JsonNode b : all(owner, "/billing/bills?roomId=" + room + "&period=" + lastMonth)) {
      return b.path("txId").asText();
    }
    throw new AssertionError("no bill of room " + room);
  }

  private static Set<Long> billedRooms(YearMonth period) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (Connection c = PlatformIT.db();
        PreparedStatement ps =
            c.prepareStatement(
                "select room_id from " + SCHEMA + ".bill where period = ? and kind = 'periodic'")) {
      ps.setString(1, period.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** An id out of scope answers exactly as an id that does not exist: status, type, wording. */
  private static void assertSameAsMissing(Http api, String prefix, long id, long missing)
      throws Exception {
    assertSameAsMissing(api, prefix, id, missing, "");
  }

  private static void assertSameAsMissing(
      Http api, String prefix, long id, long missing, String suffix) throws Exception {
    Http.Reply out = api.get(prefix + id + suffix);
    Http.Reply none = api.get(prefix + missing + suffix);
    assertProblem(out, 404, "not-found");
    assertProblem(none, 404, "not-found");
    assertEquals(none.json.path("title"), out.json.path("title"));
    assertEquals(
        none.json.path("detail").asText().replace(String.valueOf(missing), String.valueOf(id)),
        out.json.path("detail").asText());
  }

  /** Readings of a meter: the meter's id is in the middle of the path. */
  private static void assertSameAsMissing(Http api, String path, long missing) throws Exception {
    Http.Reply out = api.get(path);
    Http.Reply none = api.get("/billing/meters/" + missing + "/readings");
    assertProblem(out, 404, "not-found");
    assertEquals(
        none.json
            .path("detail")
            .asText()
            .replace(String.valueOf(missing), String.valueOf(meter301)),
        out.json.path("detail").asText());
  }

  /** A room outside the scope in a money request: the answer of a room that does not exist. */
  private static void assertSameAsMissingRoom(
      Http api,
      String path,
      Map<String, Object> outBody,
      Map<String, Object> missingBody,
      long room,
      long missing)
      throws Exception {
    Http.Reply out = post(api, path, "k-" + UUID.randomUUID(), outBody);
    Http.Reply none = post(api, path, "k-" + UUID.randomUUID(), missingBody);
    assertProblem(out, 422, "validation-failed");
    assertEquals(none.text.replace(String.valueOf(missing), String.valueOf(room)), out.text);
  }

  private static JsonNode runPeriod(Http api, YearMonth period) throws Exception {
    Http.Reply started = api.post("/billing/runs", map("period", period.toString()));
    assertEquals(started.toString(), 202, started.status);
    return await(api, started.json.path("id").asLong());
  }

  private static JsonNode await(Http api, long id) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      Http.Reply polled = api.get("/billing/runs/" + id);
      assertEquals(polled.toString(), 200, polled.status);
      String status = polled.json.path("status").asText();
      if (!status.equals("queued") && !status.equals("running")) {
        assertEquals(polled.toString(), "completed", status);
        return polled.json;
      }
      assertTrue("run " + id + " still running", System.currentTimeMillis() < deadline);
      Thread.sleep(100);
    }
  }

  private static long create(Http api, String path, Map<String, Object> body) throws Exception {
    Http.Reply r = api.post(path, body);
    assertEquals(r.toString(), 201, r.status);
    return r.json.path("id").asLong();
  }

  private static List<JsonNode> all(Http api, String path) throws Exception {
    return all(api, path, 500);
  }

  /** Every item of a list endpoint, following the cursors. */
  private static List<JsonNode> all(Http api, String path, int limit) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      Http.Reply page =
          api.get(
              path
                  + (path.contains("?") ? "&" : "?")
                  + "limit="
                  + limit
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(page.toString(), 200, page.status);
      page.json.path("items").forEach(items::add);
      cursor = page.json.path("nextCursor").isNull() ? null : page.json.path("nextCursor").asText();
    } while (cursor != null);
    return items;
  }

  private static Set<Long> ids(List<JsonNode> items) {
    Set<Long> ids = new HashSet<>();
    items.forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  private static Set<Long> roomIds(Iterable<JsonNode> items) {
    Set<Long> ids = new HashSet<>();
    items.forEach(i -> ids.add(i.path("roomId").asLong()));
    return ids;
  }

  private static List<Long> roomIdList(JsonNode items) {
    List<Long> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.path("roomId").asLong()));
    return ids;
  }

  /** POST with an Idempotency-Key header. */
  private static Http.Reply post(Http api, String path, String key, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(api.base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)));
    if (api.authorization != null) {
      b.header("Authorization", api.authorization);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Http.Reply(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** The status of a GET whose answer is not JSON. */
  private static int raw(Http api, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + path)).GET();
    if (api.authorization != null) {
      b.header("Authorization", api.authorization);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, count("select count(*) from " + SCHEMA + "." + table));
    }
    return counts;
  }

  private static long count(String sql, Object... args) throws SQLException {
    return PlatformIT.count(sql, args);
  }

  private static BigDecimal decimal(String sql, Object... args) throws SQLException {
    try (Connection c = PlatformIT.db();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(
            i + 1, args[i] instanceof Set<?> s ? c.createArrayOf("bigint", s.toArray()) : args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        BigDecimal value = rs.getBigDecimal(1);
        assertNotNull(sql, value);
        return value;
      }
    }
  }

  private static void assertProblem(Http.Reply r, int status, String type) {
    assertEquals(r.toString(), status, r.status);
    assertEquals(r.toString(), type, r.problemType());
    assertTrue(r.toString(), r.contentType.startsWith("application/problem+json"));
  }
}
