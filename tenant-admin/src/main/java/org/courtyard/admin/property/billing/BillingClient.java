package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;

/**
 * The billing screens' way to {@code /api/v1/billing}: bills, payments and refunds at the counter
 * (each with the Idempotency-Key of one user action), receipts and statements as printable HTML,
 * and billing runs.
 */
public final class BillingClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public BillingClient(TenantApi api) {
    this.api = api;
  }

  /** Bills, filtered by the API with {@code roomId}, {@code period}, {@code status}. */
  public CursorDataProvider<Bill> bills() {
    return Pages.of(api, "billing/bills", Bill.class);
  }

  public Bill bill(long id) {
    return api.get("billing/bills/" + id, Bill.class);
  }

  /**
   * Records a payment; the open bills of the room are paid oldest first and the rest becomes
   * prepayment. The same {@code idempotencyKey} with the same body answers the payment booked the
   * first time instead of booking another.
   */
  public Payment pay(long roomId, BigDecimal amount, String method, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("roomId", roomId);
    body.put("amount", amount);
    body.put("method", method);
    return api.post("billing/payments", body, Payment.class, idempotencyKey);
  }

  /** Pays money back out of the room's prepayment; idempotent like {@link #pay}. */
  public Refund refund(long roomId, BigDecimal amount, String method, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("roomId", roomId);
    body.put("amount", amount);
    body.put("method", method);
    return api.post("billing/refunds", body, Refund.class, idempotencyKey);
  }

  public Payment payment(long id) {
    return api.get("billing/payments/" + id, Payment.class);
  }

  /** The payment's receipt (收据), a printable HTML page. */
  public String receiptHtml(long paymentId) {
    return api.text("billing/payments/" + paymentId + "/receipt.html", Map.of());
  }

  /** A room's statement (对账单), a printable HTML page. */
  public String roomStatementHtml(long roomId) {
    return api.text("billing/rooms/" + roomId + "/statement.html", Map.of());
  }

  /** A resident's statement over their current rooms, a printable HTML page. */
  public String personStatementHtml(long personId) {
    return api.text("billing/persons/" + personId + "/statement.html", Map.of());
  }

  public CursorDataProvider<FeeItem> feeItems() {
    return Pages.of(api, "billing/fee-items", FeeItem.class);
  }

  public FeeItem feeItem(long id) {
    return api.get("billing/fee-items/" + id, FeeItem.class);
  }

  public FeeItem createFeeItem(FeeItem item) {
    return api.post("billing/fee-items", item.body(), FeeItem.class);
  }

  /** Replaces the item's fields; 409 stale-version when it changed since {@code item.version()}. */
  public FeeItem updateFeeItem(long id, FeeItem item) {
    return api.put("billing/fee-items/" + id, item.body(), FeeItem.class);
  }

  /** Rooms owing money past due on {@code asOf} (null: today in the tenant's zone). */
  public CursorDataProvider<Arrears.Room> arrears(java.time.LocalDate asOf) {
    CursorDataProvider<Arrears.Room> rooms = Pages.of(api, "billing/arrears", Arrears.Room.class);
    rooms.setFilter(asOf == null ? Map.of() : Map.of("asOf", asOf.toString()));
    return rooms;
  }

  /** The day's totals past due over every room in scope, in all and by age. */
  public Arrears.Summary arrearsSummary(java.time.LocalDate asOf) {
    Map<String, Object> query = new LinkedHashMap<>();
    if (asOf != null) {
      query.put("asOf", asOf);
    }
    return api.get("billing/arrears/summary", query, Arrears.Summary.class);
  }

  /** Rooms to remind, largest amount owed first. */
  public CursorDataProvider<Arrears.Reminder> reminders(java.time.LocalDate asOf) {
    CursorDataProvider<Arrears.Reminder> rooms =
        Pages.of(api, "billing/arrears/reminders", Arrears.Reminder.class);
    rooms.setFilter(asOf == null ? Map.of() : Map.of("asOf", asOf.toString()));
    return rooms;
  }

  /** Meters, filtered by the API with {@code roomId} and {@code type}. */
  public CursorDataProvider<Meter> meters() {
    return Pages.of(api, "billing/meters", Meter.class);
  }

  /** Adds a meter to a room; 409 duplicate for a serial another meter has. */
  public Meter createMeter(
      long roomId, String type, String serial, java.time.LocalDate installedAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("roomId", roomId);
    body.put("type", type);
    body.put("serial", serial);
    body.put("installedAt", installedAt.toString());
    return api.post("billing/meters", body, Meter.class);
  }

  public CursorDataProvider<Meter.Reading> readings(long meterId) {
    return Pages.of(api, "billing/meters/" + meterId + "/readings", Meter.Reading.class);
  }

  /**
   * Records a reading taken at {@code readAt} (a date: its first moment in the tenant's zone);
   * {@code replacement} marks the first reading of a new meter, which may be lower.
   */
  public Meter.Reading addReading(
      long meterId, java.time.LocalDate readAt, BigDecimal value, boolean replacement) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("readAt", readAt.toString());
    body.put("value", value);
    body.put("replacement", replacement);
    return api.post("billing/meters/" + meterId + "/readings", body, Meter.Reading.class);
  }

  /** Imports a CSV of readings: all rows or, with 422 import-rejected, none. */
  public Meter.Imported importReadings(byte[] csv) {
    return api.upload("billing/meters/readings/import", csv, "text/csv", Meter.Imported.class);
  }

  public CursorDataProvider<Run> runs() {
    return Pages.of(api, "billing/runs", Run.class);
  }

  /**
   * The queued or running run of a period, or null. The list is oldest first without filters, so
   * this walks it (runs are few: about one a month).
   */
  public Run runUnderWay(String period, Object runId) {
    if (runId instanceof Number id) {
      // the 409 names it: no need to look through the runs
      Run named = run(id.longValue());
      if (named != null && period.equals(named.period()) && !named.finished()) {
        return named;
      }
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("limit", 500);
    while (true) {
      org.courtyard.admin.api.Page<Run> page = api.page("billing/runs", query, Run.class);
      for (Run r : page.items()) {
        if (period.equals(r.period()) && !r.finished()) {
          return r;
        }
      }
      if (!page.hasNext()) {
        return null;
      }
      query.put("cursor", page.nextCursor());
    }
  }

  /** Queues a run billing every room in the caller's scope for the period ({@code YYYY-MM}). */
  public Run startRun(String period) {
    return api.post("billing/runs", Map.of("period", period), Run.class);
  }

  public Run run(long id) {
    return api.get("billing/runs/" + id, Run.class);
  }
}
