package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

/**
 * What the billing screens rely on in {@code /api/v1/billing}: bills as cursor pages with their
 * lines and the API's own filters, the Idempotency-Key rules that keep a double click from paying
 * twice, payments, receipts and statements as HTML, refunds, and billing runs polled until done.
 * Runs against {@link FakeBillingArea} ({@code FakeBillingContractTest}) and the real platform
 * ({@code BillingContractE2E}).
 */
public abstract class BillingContract extends TenantApiContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * A new room of the contract's company, in an estate a company-wide staff member sees, with at
   * least one open bill; made the target's way (seeded in the fake, through the API on the
   * platform). Answers the room's id.
   */
  protected abstract long roomWithOpenBill();

  private String cashier() {
    return accessToken(target().newStaff("cashier"));
  }

  @Test
  public void billsAreCursorPagesWithTheirLinesFilteredByRoomAndStatus() {
    long room = roomWithOpenBill();
    String token = cashier();
    Answer a = send("GET", "billing/bills?status=open&roomId=" + room, null, token);
    assertPage(a);
    JsonNode items = a.body().path("items");
    assertTrue(describe(a), items.size() >= 1);
    for (JsonNode bill : items) {
      assertEquals(room, bill.path("roomId").asLong());
      assertTrue(describe(a), !bill.path("roomLabel").asText("").isBlank());
      assertEquals("open", bill.path("status").asText());
      assertTrue(bill.path("id").asLong() > 0);
      assertTrue(bill.path("period").asText().matches("\\d{4}-\\d{2}"));
      BigDecimal total = bill.path("total").decimalValue();
      BigDecimal paid = bill.path("paid").decimalValue();
      assertEquals(0, total.subtract(paid).compareTo(bill.path("outstanding").decimalValue()));
      assertTrue(bill.path("currency").asText().matches("[A-Z]{3}"));
      assertTrue(bill.has("dueDate") && bill.has("kind") && bill.has("buildingId"));
      assertTrue(describe(a), bill.path("lines").isArray() && bill.path("lines").size() >= 1);
      JsonNode line = bill.path("lines").get(0);
      assertTrue(line.has("feeName") && line.has("quantity") && line.has("unitPrice"));
      assertTrue(line.path("amount").isNumber() && line.has("months") && line.has("daysInCycle"));
    }

    long id = items.get(0).path("id").asLong();
    Answer one = send("GET", "billing/bills/" + id, null, token);
    assertEquals(describe(one), 200, one.status());
    assertEquals(id, one.body().path("id").asLong());
    assertEquals(items.get(0).path("roomLabel"), one.body().path("roomLabel"));

    Answer page = send("GET", "billing/bills?limit=1", null, token);
    assertPage(page);
    assertEquals(1, page.body().path("items").size());
  }

  @Test
  public void aWrongFilterIsA400AndAnUnknownBillA404() {
    String token = cashier();
    assertProblem(
        send("GET", "billing/bills?status=overdue", null, token), 400, "invalid-parameter");
    assertProblem(send("GET", "billing/bills?period=2026-13", null, token), 400, "invalid-period");
    assertProblem(send("GET", "billing/bills?roomId=abc", null, token), 400, "invalid-parameter");
    assertProblem(send("GET", "billing/bills/987654321", null, token), 404, "not-found");
  }

  @Test
  public void theSamePaymentSentTwiceWithOneKeyIsBookedOnce() {
    long room = roomWithOpenBill();
    String token = cashier();
    BigDecimal before = owed(room, token);
    Map<String, Object> body = payment(room, "10.00", "cash");
    String key = UUID.randomUUID().toString();

    Answer first = send("POST", "billing/payments", body, token, Map.of("Idempotency-Key", key));
    Answer second = send("POST", "billing/payments", body, token, Map.of("Idempotency-Key", key));

    assertEquals(describe(first), 201, first.status());
    assertEquals(describe(second), 201, second.status());
    long id = first.body().path("id").asLong();
    assertEquals(id, second.body().path("id").asLong());
    assertEquals(room, first.body().path("roomId").asLong());
    assertEquals(0, new BigDecimal("10.00").compareTo(first.body().path("amount").decimalValue()));
    assertEquals("cash", first.body().path("method").asText());
    assertTrue(describe(first), first.body().path("applied").isArray());
    JsonNode applied = first.body().path("applied").get(0);
    assertTrue(applied.path("billId").asLong() > 0 && applied.has("period"));
    assertTrue(applied.path("amount").isNumber() && applied.path("billOutstanding").isNumber());
    assertTrue(first.body().path("toPrepayment").isNumber());
    assertTrue(first.body().path("prepaymentBalance").isNumber());
    assertEquals(0, before.subtract(new BigDecimal("10.00")).compareTo(owed(room, token)));

    Answer other =
        send(
            "POST",
            "billing/payments",
            payment(room, "11.00", "cash"),
            token,
            Map.of("Idempotency-Key", key));
    assertProblem(other, 422, "idempotency-key-reused");
    assertEquals(0, before.subtract(new BigDecimal("10.00")).compareTo(owed(room, token)));

    Answer read = send("GET", "billing/payments/" + id, null, token);
    assertEquals(describe(read), 200, read.status());
    assertEquals(id, read.body().path("id").asLong());
    assertEquals(0, new BigDecimal("10.00").compareTo(read.body().path("amount").decimalValue()));
  }

  @Test
  public void aPaymentNeedsAKeyAndAValidBody() {
    long room = roomWithOpenBill();
    String token = cashier();
    assertProblem(
        send("POST", "billing/payments", payment(room, "5.00", "cash"), token),
        400,
        "idempotency-key-required");
    Answer bad =
        send(
            "POST",
            "billing/payments",
            payment(room, "-5.123", "cheque"),
            token,
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertProblem(bad, 422, "validation-failed");
    List<String> fields = new ArrayList<>();
    bad.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue(describe(bad), fields.contains("amount") && fields.contains("method"));
    Answer noRoom =
        send(
            "POST",
            "billing/payments",
            payment(987654321L, "5.00", "cash"),
            token,
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertProblem(noRoom, 422, "validation-failed");
  }

  @Test
  public void theReceiptAndTheRoomStatementArePrintableHtml() throws Exception {
    long room = roomWithOpenBill();
    String token = cashier();
    Answer paid =
        send(
            "POST",
            "billing/payments",
            payment(room, "1.00", "wechat"),
            token,
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertEquals(describe(paid), 201, paid.status());
    long id = paid.body().path("id").asLong();

    HttpResponse<String> receipt = html("billing/payments/" + id + "/receipt.html", token);
    assertEquals(receipt.body(), 200, receipt.statusCode());
    assertTrue(receipt.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(receipt.body(), receipt.body().contains("R" + id));

    HttpResponse<String> statement = html("billing/rooms/" + room + "/statement.html", token);
    assertEquals(statement.body(), 200, statement.statusCode());
    assertTrue(statement.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));

    assertEquals(404, html("billing/payments/987654321/receipt.html", token).statusCode());
  }

  @Test
  public void aRefundBeyondThePrepaymentIsRefusedWith409() {
    long room = roomWithOpenBill();
    // the platform's cashier template takes payments but may not refund
    String token = accessToken(target().newStaff("administrator"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("roomId", room);
    body.put("amount", new BigDecimal("999999.00"));
    body.put("method", "cash");
    Answer a =
        send(
            "POST",
            "billing/refunds",
            body,
            token,
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertProblem(a, 409, "insufficient-prepayment");
  }

  @Test
  public void aRunIsStartedWith202AndPolledUntilDone() throws InterruptedException {
    String token = accessToken(target().newStaff("administrator"));
    assertProblem(
        send("POST", "billing/runs", Map.of("period", "2031-13"), token), 400, "invalid-period");
    assertProblem(
        send("POST", "billing/runs", Map.of("period", "2099-01"), token), 422, "period-in-future");
    String period =
        (2020 + (int) (Math.random() * 6))
            + "-"
            + String.format("%02d", 1 + (int) (Math.random() * 12));
    Answer started = send("POST", "billing/runs", Map.of("period", period), token);
    if (started.status() == 409) {
      // a run of that month from an earlier test is still going: another month
      period = "2019-" + period.substring(5);
      started = send("POST", "billing/runs", Map.of("period", period), token);
    }
    assertEquals(describe(started), 202, started.status());
    long id = started.body().path("id").asLong();
    assertEquals(period, started.body().path("period").asText());
    assertTrue(
        describe(started),
        List.of("queued", "running", "completed").contains(started.body().path("status").asText()));

    Answer again = send("POST", "billing/runs", Map.of("period", period), token);
    assertTrue(describe(again), again.status() == 202 || again.isProblem(409, "run-in-progress"));
    if (again.status() == 409) {
      // the refusal names the run to follow
      assertTrue(describe(again), again.body().path("runId").isNumber());
    }

    JsonNode run = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      Answer a = send("GET", "billing/runs/" + id, null, token);
      assertEquals(describe(a), 200, a.status());
      run = a.body();
      assertTrue(run.path("roomsDone").asInt() <= run.path("roomsTotal").asInt());
      if (List.of("completed", "failed").contains(run.path("status").asText())) {
        break;
      }
      Thread.sleep(50);
    }
    assertEquals(String.valueOf(run), "completed", run.path("status").asText());
    assertEquals(run.path("roomsTotal").asInt(), run.path("roomsDone").asInt());
    assertTrue(run.path("billsCreated").asInt() >= 0 && run.has("error"));

    assertPage(send("GET", "billing/runs", null, token));
    assertProblem(send("GET", "billing/runs/987654321", null, token), 404, "not-found");
  }

  @Test
  public void staffWithoutBillingRightsAreRefused() {
    String guard = accessToken(target().newStaff("guard"));
    assertProblem(send("GET", "billing/bills", null, guard), 403, "permission-denied");
    assertProblem(
        send(
            "POST",
            "billing/payments",
            payment(1, "1.00", "cash"),
            guard,
            Map.of("Idempotency-Key", UUID.randomUUID().toString())),
        403,
        "permission-denied");
  }

  @Test
  public void feeItemsAreCreatedAndEditedWithTheVersionTheyWereReadAt() {
    String admin = accessToken(target().newStaff("administrator"));
    String code = "C" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> fee = new LinkedHashMap<>();
    fee.put("code", code);
    fee.put("name", "Management fee 物业费");
    fee.put("kind", "fixed");
    fee.put("unitPrice", new BigDecimal("120.5000"));
    fee.put("appliesToTypes", List.of("residential"));
    fee.put("cycle", "monthly");
    fee.put("effectiveFrom", "2030-01-01");

    Answer created = send("POST", "billing/fee-items", fee, admin);
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    int version = created.body().path("version").asInt();
    assertEquals(code, created.body().path("code").asText());
    assertEquals("fixed", created.body().path("kind").asText());
    assertEquals(
        0, new BigDecimal("120.5").compareTo(created.body().path("unitPrice").decimalValue()));
    assertEquals("2030-01-01", created.body().path("effectiveFrom").asText());
    assertTrue(created.body().has("roundingScale") && created.body().has("roundingMode"));
    assertTrue(!created.body().has("meterType") && !created.body().has("tiers"));
    assertProblem(send("POST", "billing/fee-items", fee, admin), 409, "duplicate");

    Map<String, Object> edit = new LinkedHashMap<>(fee);
    edit.put("unitPrice", new BigDecimal("130"));
    edit.put("version", version);
    Answer updated = send("PUT", "billing/fee-items/" + id, edit, admin);
    assertEquals(describe(updated), 200, updated.status());
    assertEquals(
        0, new BigDecimal("130").compareTo(updated.body().path("unitPrice").decimalValue()));
    assertTrue(updated.body().path("version").asInt() != version);
    assertProblem(send("PUT", "billing/fee-items/" + id, edit, admin), 409, "stale-version");

    Map<String, Object> otherKind = new LinkedHashMap<>(edit);
    otherKind.put("kind", "area");
    otherKind.put("version", updated.body().path("version").asInt());
    assertProblem(
        send("PUT", "billing/fee-items/" + id, otherKind, admin), 422, "validation-failed");

    Answer read = send("GET", "billing/fee-items/" + id, null, admin);
    assertEquals(describe(read), 200, read.status());
    assertEquals(updated.body().path("version").asInt(), read.body().path("version").asInt());
    assertPage(send("GET", "billing/fee-items", null, admin));
    assertProblem(send("GET", "billing/fee-items/987654321", null, admin), 404, "not-found");
  }

  @Test
  public void aWrongFeeItemListsEveryFieldAt422() {
    String admin = accessToken(target().newStaff("administrator"));
    Map<String, Object> fee = new LinkedHashMap<>();
    fee.put("code", "no spaces allowed");
    fee.put("name", "x");
    fee.put("kind", "fixed");
    fee.put("unitPrice", new BigDecimal("-1"));
    Answer a = send("POST", "billing/fee-items", fee, admin);
    assertProblem(a, 422, "validation-failed");
    List<String> fields = new ArrayList<>();
    a.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue(
        describe(a),
        fields.containsAll(List.of("code", "unitPrice", "effectiveFrom"))
            && !fields.contains("name"));
  }

  @Test
  public void arrearsAreAgedRoomsWithTheTotalAndTheRemindersAPage() {
    String token = cashier();
    Answer a = send("GET", "billing/arrears?asOf=2031-06-30", null, token);
    assertPage(a);
    assertEquals("2031-06-30", a.body().path("asOf").asText());
    assertTrue(describe(a), a.body().path("currency").asText().matches("[A-Z]{3}"));
    assertTrue(describe(a), a.body().path("total").isNumber());
    for (JsonNode room : a.body().path("items")) {
      BigDecimal sum =
          room.path("days0to30")
              .decimalValue()
              .add(room.path("days31to90").decimalValue())
              .add(room.path("days90plus").decimalValue());
      assertEquals(describe(a), 0, sum.compareTo(room.path("outstanding").decimalValue()));
      assertTrue(room.path("roomId").asLong() > 0 && room.has("oldestDueDate"));
      assertTrue(room.path("maxDaysPastDue").asLong() >= 1);
    }
    Answer reminders = send("GET", "billing/arrears/reminders?asOf=2031-06-30", null, token);
    assertPage(reminders);
    for (JsonNode r : reminders.body().path("items")) {
      assertTrue(describe(reminders), r.path("over30Days").decimalValue().signum() > 0);
      assertTrue(r.has("label") && r.path("outstanding").isNumber());
    }
    assertProblem(
        send("GET", "billing/arrears?asOf=30.06.2031", null, token), 400, "invalid-parameter");
  }

  @Test
  public void theArrearsTotalsAreTheSumsOfTheListByAge() {
    roomWithOpenBill();
    String token = cashier();
    Answer s = send("GET", "billing/arrears/summary?asOf=2031-06-30", null, token);
    assertEquals(describe(s), 200, s.status());
    JsonNode summary = s.body();
    assertEquals("2031-06-30", summary.path("asOf").asText());
    assertTrue(describe(s), summary.path("currency").asText().matches("[A-Z]{3}"));
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      Answer page =
          send(
              "GET",
              "billing/arrears?limit=2&asOf=2031-06-30"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              null,
              token);
      assertPage(page);
      page.body().path("items").forEach(rows::add);
      cursor =
          page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
    } while (cursor != null);
    assertTrue(describe(s), rows.size() >= 1);
    assertEquals(describe(s), rows.size(), summary.path("rooms").asLong());
    assertEquals(
        describe(s), 0, sum(rows, "outstanding").compareTo(summary.path("total").decimalValue()));
    List<String> keys = new ArrayList<>();
    for (JsonNode bucket : summary.path("buckets")) {
      String key = bucket.path("key").asText();
      keys.add(key);
      assertEquals(describe(s), 0, sum(rows, key).compareTo(bucket.path("amount").decimalValue()));
      assertEquals(
          describe(s),
          rows.stream().filter(r -> r.path(key).decimalValue().signum() > 0).count(),
          bucket.path("rooms").asLong());
      assertTrue(describe(s), bucket.path("fromDays").asInt() >= 1);
    }
    assertEquals(List.of("days0to30", "days31to90", "days90plus"), keys);
    assertTrue(describe(s), summary.path("buckets").get(2).path("toDays").isNull());
    assertProblem(
        send("GET", "billing/arrears/summary?asOf=30.06.2031", null, token),
        400,
        "invalid-parameter");
  }

  private static BigDecimal sum(List<JsonNode> rows, String field) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode r : rows) {
      sum = sum.add(r.path(field).decimalValue());
    }
    return sum;
  }

  @Test
  public void metersReadingsAndTheAllOrNothingImport() {
    long room = roomWithOpenBill();
    String admin = accessToken(target().newStaff("administrator"));
    String serial = "W" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> meter = new LinkedHashMap<>();
    meter.put("roomId", room);
    meter.put("type", "water");
    meter.put("serial", serial);
    meter.put("installedAt", "2026-01-01");
    Answer created = send("POST", "billing/meters", meter, admin);
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    assertEquals(serial, created.body().path("serial").asText());
    assertEquals(room, created.body().path("roomId").asLong());
    assertProblem(send("POST", "billing/meters", meter, admin), 409, "duplicate");

    Answer list = send("GET", "billing/meters?type=water&roomId=" + room, null, admin);
    assertPage(list);
    assertEquals(describe(list), id, list.body().path("items").get(0).path("id").asLong());
    assertProblem(send("GET", "billing/meters?type=steam", null, admin), 400, "invalid-parameter");

    Answer read =
        send(
            "POST",
            "billing/meters/" + id + "/readings",
            Map.of("readAt", "2026-02-01", "value", 10),
            admin);
    assertEquals(describe(read), 201, read.status());
    assertEquals(0, BigDecimal.TEN.compareTo(read.body().path("value").decimalValue()));
    assertEquals("manual", read.body().path("source").asText());
    assertTrue(read.body().has("readAt") && read.body().has("implausible"));
    assertProblem(
        send(
            "POST",
            "billing/meters/" + id + "/readings",
            Map.of("readAt", "2026-03-01", "value", 5),
            admin),
        422,
        "reading-decreased");

    Answer refused =
        csv(
            "serial,read_at,value\n" + serial + ",2026-04-01,20\nNO-SUCH-METER,2026-04-01,1\n",
            admin);
    assertProblem(refused, 422, "import-rejected");
    assertEquals(describe(refused), 1, refused.body().path("errorCount").asInt());
    JsonNode problem = refused.body().path("errors").get(0);
    assertEquals(describe(refused), 3, problem.path("line").asInt());
    assertEquals(describe(refused), "serial", problem.path("column").asText());
    assertTrue(problem.path("message").asText().length() > 0);

    Answer imported = csv("serial,read_at,value\n" + serial + ",2026-04-01,20\n", admin);
    assertEquals(describe(imported), 200, imported.status());
    assertEquals(1, imported.body().path("readingsImported").asInt());
    assertEquals(1, imported.body().path("metersRead").asInt());
    assertTrue(imported.body().path("implausible").isArray());

    Answer readings = send("GET", "billing/meters/" + id + "/readings", null, admin);
    assertPage(readings);
    assertEquals(describe(readings), 2, readings.body().path("items").size());
  }

  /** A CSV upload of meter readings. */
  private Answer csv(String text, String token) {
    return upload("billing/meters/readings/import", text, token);
  }

  /** What the room owes over its open bills. */
  private BigDecimal owed(long room, String token) {
    Answer a = send("GET", "billing/bills?status=open&limit=500&roomId=" + room, null, token);
    assertPage(a);
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode b : a.body().path("items")) {
      sum = sum.add(b.path("outstanding").decimalValue());
    }
    return sum;
  }

  private static Map<String, Object> payment(long room, String amount, String method) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("roomId", room);
    body.put("amount", new BigDecimal(amount));
    body.put("method", method);
    return body;
  }

  /** A GET as a browser would ask for a page, answered as text. */
  private HttpResponse<String> html(String path, String token) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(target().baseUrl() + "/" + path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "text/html, application/problem+json")
              .header("Authorization", "Bearer " + token)
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("API not reachable at " + target().baseUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
