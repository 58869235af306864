package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * What the work-order screens rely on in {@code /workorders} (notes/workorders-api.md): the
 * category catalogue (a new company's defaults ordered by code, create 201, update with the version
 * read, 409 {@code stale-version}), orders as cursor pages newest first, recording one in an
 * estate's public place (201 with its {@code actions}), its timeline, and the refusals of a step:
 * 409 {@code stale-version}, 409 {@code wrong-state} with {@code allowedNow}, 422 {@code
 * incomplete}; a dispatch with the version read; and the dispatcher's load. The materials stock
 * (create 201, receipts at a moving-average cost, stocktake corrections never below zero with 409
 * {@code insufficient-stock}, movements newest first; an order's uses and cost), an order's
 * feedback (409 {@code not-finished} for a return visit before the job is done, 409 {@code
 * not-a-complaint} for a reply to a repair), and the settings and calendar saved with their
 * versions (409 {@code stale-version}). Staff without the module's permissions are refused with 403
 * {@code permission-denied}.
 */
public abstract class WorkOrdersContract extends TenantApiContract {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private static String unique(String prefix) {
    return prefix
        + Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
        + NEXT.incrementAndGet();
  }

  private static long categoryId(JsonNode categories, String code) {
    for (JsonNode c : categories) {
      if (code.equals(c.path("code").asText())) {
        return c.path("id").asLong();
      }
    }
    throw new AssertionError("no category " + code + " in " + categories);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  public void aNewCompanyHasTheDefaultCategoriesOrderedByCode() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer a = send("GET", "workorders/categories", null, admin);
    assertEquals(describe(a), 200, a.status());
    assertTrue(describe(a), a.body().isArray());
    List<String> codes = new ArrayList<>();
    a.body().forEach(c -> codes.add(c.path("code").asText()));
    assertTrue(
        codes.toString(),
        codes.containsAll(List.of("plumbing", "electrical", "lift", "noise", "praise")));
    List<String> sorted = new ArrayList<>(codes);
    sorted.sort(String::compareTo);
    assertEquals(sorted, codes);
    JsonNode lift = a.body().get(codes.indexOf("lift"));
    assertTrue(describe(a), lift.path("responseMinutes").path("urgent").isNumber());
    assertTrue(describe(a), lift.path("resolutionMinutes").path("normal").isNumber());
    assertTrue(describe(a), lift.has("version"));

    Answer one = send("GET", "workorders/categories/" + lift.path("id").asLong(), null, admin);
    assertEquals(describe(one), "lift", one.body().path("code").asText());
  }

  @Test
  public void aCategoryIsCreatedAndUpdatedWithTheVersionRead() {
    String admin = accessToken(target().newStaff("administrator"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", unique("c-"));
    body.put("nameEn", "Gas");
    body.put("nameZh", "燃气");
    body.put("kind", "repair");
    body.put("dispatchMode", "assign");
    body.put("paid", false);
    body.put("returnVisit", false);
    body.put("workingHours", true);
    body.put("active", true);
    body.put("responseMinutes", Map.of("normal", 30, "urgent", 15, "emergency", 5));
    body.put("resolutionMinutes", Map.of("normal", 480, "urgent", 240, "emergency", 60));
    Answer created = send("POST", "workorders/categories", body, admin);
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    long version = created.body().path("version").asLong();

    body.put("nameEn", "Gas supply");
    body.put("version", version);
    Answer updated = send("PUT", "workorders/categories/" + id, body, admin);
    assertEquals(describe(updated), 200, updated.status());
    assertEquals("Gas supply", updated.body().path("nameEn").asText());

    // the same version again: someone else's change is not overwritten
    body.put("nameEn", "Gas again");
    assertProblem(send("PUT", "workorders/categories/" + id, body, admin), 409, "stale-version");
  }

  @Test
  public void ordersAreRecordedListedAndStepsAreRefusedAsTheConsoleExpects() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer estate =
        send(
            "POST",
            "estate/estates",
            Map.of("code", unique("WO"), "name", "Work-order estate"),
            admin);
    assertEquals(describe(estate), 201, estate.status());
    long estateId = estate.body().path("id").asLong();
    long plumbing =
        categoryId(send("GET", "workorders/categories", null, admin).body(), "plumbing");

    Map<String, Object> order = new LinkedHashMap<>();
    order.put("categoryId", plumbing);
    order.put("priority", "urgent");
    order.put("description", "Water in the basement");
    order.put("estateId", estateId);
    order.put("place", "basement");
    order.put("channel", "phone");
    order.put("contactName", "Guard Zhao");
    Answer created = send("POST", "workorders/orders", order, admin);
    assertEquals(describe(created), 201, created.status());
    JsonNode o = created.body();
    long id = o.path("id").asLong();
    assertEquals("new", o.path("state").asText());
    assertEquals("urgent", o.path("priority").asText());
    assertTrue(describe(created), !o.path("number").asText().isBlank());
    assertTrue(describe(created), o.path("response").has("due"));
    assertTrue(describe(created), o.path("resolution").has("state"));
    assertTrue(describe(created), texts(o.path("actions")).contains("dispatch"));

    Answer page =
        send("GET", "workorders/orders?state=new&estateId=" + estateId + "&limit=5", null, admin);
    assertPage(page);
    assertEquals(describe(page), id, page.body().path("items").get(0).path("id").asLong());
    Answer read = send("GET", "workorders/orders/" + id, null, admin);
    assertTrue(describe(read), texts(read.body().path("actions")).contains("dispatch"));
    Answer timeline = send("GET", "workorders/orders/" + id + "/timeline", null, admin);
    assertEquals(describe(timeline), 200, timeline.status());
    assertTrue(describe(timeline), timeline.body().isArray() && timeline.body().size() >= 1);

    long version = read.body().path("version").asLong();
    Answer wrong =
        send("POST", "workorders/orders/" + id + "/start", Map.of("version", version), admin);
    assertProblem(wrong, 409, "wrong-state");
    assertTrue(describe(wrong), texts(wrong.body().path("allowedNow")).contains("dispatch"));
    assertProblem(
        send("POST", "workorders/orders/" + id + "/dispatch", Map.of("version", version), admin),
        422,
        "incomplete");
    long me = Long.parseLong(send("GET", "auth/me", null, admin).body().path("subject").asText());
    assertProblem(
        send(
            "POST",
            "workorders/orders/" + id + "/dispatch",
            Map.of("assigneeUserId", me, "version", version + 7),
            admin),
        409,
        "stale-version");
    Answer dispatched =
        send(
            "POST",
            "workorders/orders/" + id + "/dispatch",
            Map.of("assigneeUserId", me, "version", version, "note", "contract"),
            admin);
    assertEquals(describe(dispatched), 200, dispatched.status());
    assertEquals("dispatched", dispatched.body().path("state").asText());
    assertEquals(me, dispatched.body().path("assigneeUserId").asLong());

    Answer load = send("GET", "workorders/load", null, admin);
    assertEquals(describe(load), 200, load.status());
    assertTrue(describe(load), load.body().isArray());
  }

  @Test
  public void staffWithoutTheModulesPermissionsAreRefused() {
    String cashier = accessToken(target().newStaff("cashier"));
    assertProblem(send("GET", "workorders/orders", null, cashier), 403, "permission-denied");
    assertProblem(send("GET", "workorders/categories", null, cashier), 403, "permission-denied");

    String auditor = accessToken(target().newStaff("auditor"));
    assertPage(send("GET", "workorders/orders", null, auditor));
    assertProblem(
        send("POST", "workorders/categories", Map.of("code", "x"), auditor),
        403,
        "permission-denied");
  }

  /** A new estate and an order in its public place; answers {estateId, orderId}. */
  private long[] estateWithOrder(String admin, String category) {
    Answer estate =
        send(
            "POST",
            "estate/estates",
            Map.of("code", unique("WM"), "name", "Materials estate"),
            admin);
    assertEquals(describe(estate), 201, estate.status());
    long estateId = estate.body().path("id").asLong();
    long categoryId =
        categoryId(send("GET", "workorders/categories", null, admin).body(), category);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("categoryId", categoryId);
    order.put("priority", "normal");
    order.put("description", "Contract order");
    order.put("estateId", estateId);
    order.put("place", "gate");
    order.put("channel", "phone");
    Answer created = send("POST", "workorders/orders", order, admin);
    assertEquals(describe(created), 201, created.status());
    return new long[] {estateId, created.body().path("id").asLong()};
  }

  @Test
  public void materialsAreStockedCorrectedNeverBelowZeroAndListedWithTheirMovements() {
    String admin = accessToken(target().newStaff("administrator"));
    long[] ids = estateWithOrder(admin, "plumbing");
    Map<String, Object> material = new LinkedHashMap<>();
    material.put("estateId", ids[0]);
    material.put("code", unique("M-"));
    material.put("name", "PVC pipe");
    material.put("unit", "m");
    Answer created = send("POST", "workorders/materials", material, admin);
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    assertEquals(describe(created), 0, created.body().path("quantity").decimalValue().signum());
    assertTrue(describe(created), created.body().path("active").asBoolean());
    assertProblem(send("POST", "workorders/materials", material, admin), 409, "duplicate");

    Answer receipt =
        send(
            "POST",
            "workorders/materials/" + id + "/receipts",
            Map.of("quantity", 10, "unitCost", 2.5, "note", "contract"),
            admin);
    assertEquals(describe(receipt), 200, receipt.status());
    assertEquals("receipt", receipt.body().path("kind").asText());
    assertEquals(0, receipt.body().path("balance").decimalValue().compareTo(new BigDecimal("10")));
    assertProblem(
        send(
            "POST",
            "workorders/materials/" + id + "/adjustments",
            Map.of("quantity", -11, "note", "counted"),
            admin),
        409,
        "insufficient-stock");
    Answer adjusted =
        send(
            "POST",
            "workorders/materials/" + id + "/adjustments",
            Map.of("quantity", -2, "note", "counted"),
            admin);
    assertEquals(describe(adjusted), 200, adjusted.status());
    assertEquals(0, adjusted.body().path("balance").decimalValue().compareTo(new BigDecimal("8")));

    Answer page = send("GET", "workorders/materials?estateId=" + ids[0], null, admin);
    assertPage(page);
    JsonNode listed = page.body().path("items").get(0);
    assertEquals(id, listed.path("id").asLong());
    assertEquals(0, listed.path("quantity").decimalValue().compareTo(new BigDecimal("8")));
    assertEquals(0, listed.path("unitCost").decimalValue().compareTo(new BigDecimal("2.5")));
    Answer moves = send("GET", "workorders/materials/" + id + "/movements", null, admin);
    assertPage(moves);
    List<String> kinds = new ArrayList<>();
    moves.body().path("items").forEach(m -> kinds.add(m.path("kind").asText()));
    assertEquals(List.of("adjustment", "receipt"), kinds);

    // a new order uses nothing yet, and takes nothing before work starts
    Answer uses = send("GET", "workorders/orders/" + ids[1] + "/materials", null, admin);
    assertEquals(describe(uses), 200, uses.status());
    assertTrue(describe(uses), uses.body().path("uses").isArray());
    assertEquals(0, uses.body().path("totalCost").decimalValue().signum());
    assertProblem(
        send(
            "POST",
            "workorders/orders/" + ids[1] + "/materials",
            Map.of("materialId", id, "quantity", 1),
            admin),
        409,
        "wrong-state");
    assertEquals(
        0,
        send("GET", "workorders/materials/" + id, null, admin)
            .body()
            .path("quantity")
            .decimalValue()
            .compareTo(new BigDecimal("8")));
  }

  @Test
  public void feedbackIsReadAndVisitsAndRepliesAreRefusedWhereTheyDoNotBelong() {
    String admin = accessToken(target().newStaff("administrator"));
    long order = estateWithOrder(admin, "plumbing")[1];
    Answer feedback = send("GET", "workorders/orders/" + order + "/feedback", null, admin);
    assertEquals(describe(feedback), 200, feedback.status());
    assertTrue(
        describe(feedback),
        feedback.body().path("rating").isMissingNode() || feedback.body().path("rating").isNull());
    assertTrue(describe(feedback), feedback.body().path("returnVisits").isArray());
    assertTrue(describe(feedback), feedback.body().path("returnVisitRequired").isBoolean());
    assertProblem(
        send(
            "POST",
            "workorders/orders/" + order + "/return-visits",
            Map.of("reached", true, "satisfaction", 5),
            admin),
        409,
        "not-finished");
    assertProblem(
        send("POST", "workorders/orders/" + order + "/replies", Map.of("text", "sorry"), admin),
        409,
        "not-a-complaint");
  }

  @Test
  public void theSettingsAndTheCalendarAreSavedWithTheirVersions() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer settings = send("GET", "workorders/settings", null, admin);
    assertEquals(describe(settings), 200, settings.status());
    JsonNode s = settings.body();
    assertTrue(describe(settings), s.path("warnPercent").isInt());
    assertTrue(describe(settings), !s.path("timeZone").asText().isBlank());
    Map<String, Object> same = new LinkedHashMap<>();
    same.put("timeZone", s.path("timeZone").asText());
    same.put("warnPercent", s.path("warnPercent").asInt());
    same.put("autoConfirmDays", s.path("autoConfirmDays").asInt());
    same.put("reopenDays", s.path("reopenDays").asInt());
    same.put("makeupHours", s.path("makeupHours").isNull() ? null : s.path("makeupHours").asText());
    same.put("version", s.path("version").asInt() + 7);
    assertProblem(send("PUT", "workorders/settings", same, admin), 409, "stale-version");
    same.put("version", s.path("version").asInt());
    Answer saved = send("PUT", "workorders/settings", same, admin);
    assertEquals(describe(saved), 200, saved.status());
    assertEquals(s.path("warnPercent").asInt(), saved.body().path("warnPercent").asInt());
    assertTrue(describe(saved), saved.body().path("version").asInt() != s.path("version").asInt());
    same.put("version", saved.body().path("version").asInt());
    same.put("warnPercent", 0);
    assertProblem(send("PUT", "workorders/settings", same, admin), 422, "validation-failed");

    Answer calendar = send("GET", "workorders/calendar", null, admin);
    assertEquals(describe(calendar), 200, calendar.status());
    JsonNode c = calendar.body();
    assertTrue(describe(calendar), c.path("weekdays").has("1") && c.path("weekdays").has("7"));
    assertTrue(describe(calendar), c.path("days").isArray());
    Map<String, Object> whole = new LinkedHashMap<>();
    whole.put("weekdays", c.path("weekdays"));
    whole.put("days", c.path("days"));
    whole.put("version", c.path("version").asInt() + 7);
    assertProblem(send("PUT", "workorders/calendar", whole, admin), 409, "stale-version");
    whole.put("version", c.path("version").asInt());
    Answer replaced = send("PUT", "workorders/calendar", whole, admin);
    assertEquals(describe(replaced), 200, replaced.status());
    assertEquals(c.path("weekdays"), replaced.body().path("weekdays"));
  }

  @Test
  public void aStepsChargeIsRefusedByFieldWhereNothingIsChargedAndChargesAreListed() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer estate =
        send("POST", "estate/estates", Map.of("code", unique("WC"), "name", "Charges"), admin);
    long estateId = estate.body().path("id").asLong();
    Map<String, Object> category = new LinkedHashMap<>();
    category.put("code", unique("paid-"));
    category.put("nameEn", "Paid repair");
    category.put("nameZh", "有偿维修");
    category.put("kind", "repair");
    category.put("dispatchMode", "assign");
    category.put("paid", true);
    category.put("priceMin", 50);
    category.put("priceMax", 300);
    category.put("responseMinutes", Map.of("normal", 30, "urgent", 15, "emergency", 5));
    category.put("resolutionMinutes", Map.of("normal", 480, "urgent", 240, "emergency", 60));
    Answer k = send("POST", "workorders/categories", category, admin);
    assertEquals(describe(k), 201, k.status());
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("categoryId", k.body().path("id").asLong());
    order.put("description", "Lobby door lock");
    order.put("estateId", estateId);
    order.put("place", "lobby");
    order.put("channel", "phone");
    Answer created = send("POST", "workorders/orders", order, admin);
    assertEquals(describe(created), 201, created.status());
    String path = "workorders/orders/" + created.body().path("id").asLong();
    long me = Long.parseLong(send("GET", "auth/me", null, admin).body().path("subject").asText());
    assertEquals(
        200, send("POST", path + "/dispatch", Map.of("assigneeUserId", me), admin).status());
    assertEquals(200, send("POST", path + "/accept", Map.of(), admin).status());
    // a charge belongs to completing only
    Answer early = send("POST", path + "/start", Map.of("charge", 80), admin);
    assertProblem(early, 422, "validation-failed");
    assertEquals(
        describe(early), "charge", early.body().path("errors").get(0).path("field").asText());
    assertEquals(200, send("POST", path + "/start", Map.of(), admin).status());
    // a public area's repair is charged to no room
    Answer charged = send("POST", path + "/complete", Map.of("note", "fixed", "charge", 80), admin);
    assertProblem(charged, 422, "validation-failed");
    assertEquals(
        describe(charged), "charge", charged.body().path("errors").get(0).path("field").asText());
    Answer done = send("POST", path + "/complete", Map.of("note", "fixed"), admin);
    assertEquals(describe(done), 200, done.status());
    Answer charges = send("GET", path + "/charges", null, admin);
    assertEquals(describe(charges), 200, charges.status());
    assertTrue(describe(charges), charges.body().isArray() && charges.body().isEmpty());
    // there is no charge to put back in billing's queue
    assertProblem(send("POST", path + "/charges/0/retry", null, admin), 404, "not-found");
  }

  @Test
  public void watchersAreAddedOnceAndRemovedAndTheDeliveryLogIsAList() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer estate =
        send("POST", "estate/estates", Map.of("code", unique("WW"), "name", "Watch"), admin);
    long plumbing =
        categoryId(send("GET", "workorders/categories", null, admin).body(), "plumbing");
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("categoryId", plumbing);
    order.put("description", "Dripping tap");
    order.put("estateId", estate.body().path("id").asLong());
    order.put("place", "gym");
    order.put("channel", "phone");
    Answer created = send("POST", "workorders/orders", order, admin);
    assertEquals(describe(created), 201, created.status());
    String path = "workorders/orders/" + created.body().path("id").asLong();
    long me = Long.parseLong(send("GET", "auth/me", null, admin).body().path("subject").asText());

    assertEquals(204, send("PUT", path + "/watchers/" + me, Map.of(), admin).status());
    assertEquals(204, send("PUT", path + "/watchers/" + me, Map.of(), admin).status());
    Answer watchers = send("GET", path + "/watchers", null, admin);
    assertEquals(describe(watchers), 1, watchers.body().size());
    assertEquals(describe(watchers), me, watchers.body().get(0).path("userId").asLong());
    Answer log = send("GET", path + "/notices", null, admin);
    assertEquals(describe(log), 200, log.status());
    assertTrue(describe(log), log.body().isArray());
    assertEquals(204, send("DELETE", path + "/watchers/" + me, null, admin).status());
    assertProblem(send("DELETE", path + "/watchers/" + me, null, admin), 404, "not-found");
  }

  @Test
  public void alarmRulesListEveryKindAndAreSetAtTheVersionRead() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer rules = send("GET", "workorders/alarm-rules", null, admin);
    assertEquals(describe(rules), 200, rules.status());
    assertEquals(describe(rules), 8, rules.body().size());
    assertEquals(describe(rules), "water_leak", rules.body().get(0).path("kind").asText());
    long plumbing =
        categoryId(send("GET", "workorders/categories", null, admin).body(), "plumbing");
    long noise = categoryId(send("GET", "workorders/categories", null, admin).body(), "noise");
    int version = 0;
    for (JsonNode r : rules.body()) {
      if (r.path("kind").asText().equals("low_battery")) {
        version = r.path("version").asInt();
      }
    }
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("categoryId", plumbing);
    rule.put("priority", "normal");
    rule.put("version", version);
    Answer set = send("PUT", "workorders/alarm-rules/low_battery", rule, admin);
    assertEquals(describe(set), 200, set.status());
    assertEquals(describe(set), plumbing, set.body().path("categoryId").asLong());
    assertEquals(describe(set), "normal", set.body().path("priority").asText());
    assertEquals(describe(set), version + 1, set.body().path("version").asInt());
    // the version read before is stale now
    assertProblem(
        send("PUT", "workorders/alarm-rules/low_battery", rule, admin), 409, "stale-version");
    // an alarm opens repairs only, and only of a kind security records
    rule.put("version", version + 1);
    rule.put("categoryId", noise);
    assertEquals(422, send("PUT", "workorders/alarm-rules/low_battery", rule, admin).status());
    rule.put("categoryId", plumbing);
    assertProblem(send("PUT", "workorders/alarm-rules/flood", rule, admin), 404, "not-found");
  }
}
