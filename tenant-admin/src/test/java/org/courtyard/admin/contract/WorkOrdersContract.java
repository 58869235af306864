package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * incomplete}; a dispatch with the version read; and the dispatcher's load. Staff without the
 * module's permissions are refused with 403 {@code permission-denied}.
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
}
