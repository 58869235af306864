package org.courtyard.workorders.internal.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.workorders.internal.MutableClock;
import org.courtyard.workorders.internal.TestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The charge queue against a real tenant schema, with billing played by a ledger in memory that
 * keeps one bill per reference, as billing's unique (source, reference) does: what billing refuses
 * for good leaves the queue without holding back the rest, staff put it back, and a cancel that
 * overtakes a slow post still ends with the bill voided.
 */
class OrderChargesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final TenantSlug TENANT = TenantSlug.of("acme");

  private TestSchema db;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private OrderCharges charges;
  private final Ledger billing = new Ledger();
  private long category;

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh("V9__workorders_charges.sql", "V11__workorders_charge_refused.sql");
    db.execute(
        "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
            + " response_urgent, response_emergency, resolution_normal, resolution_urgent,"
            + " resolution_emergency, paid, price_min, price_max) values ('locks', 'Locks',"
            + " '门锁', 'repair', 120, 60, 30, 1440, 480, 240, true, 10, 300)");
    category = db.count("select id from workorder_category");
    charges = new OrderCharges(db.jdbc(), clock);
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  @Test
  void aChargeBillingRefusesForGoodLeavesTheQueueAndStaffPutItBack() throws Exception {
    long first = completed(101, "80.00");
    long second = completed(102, "45.50");
    billing.refuse.put(
        101L, new ProblemException(422, "validation-failed", "Invalid", "room 101 is gone"));

    assertThat(charges.settle(billing, TENANT, null)).isEqualTo(2);

    assertThat(state(first)).isEqualTo("refused");
    assertThat(note(first)).isEqualTo("room 101 is gone");
    // the refusal holds back nothing queued after it
    assertThat(state(second)).isEqualTo("posted");
    assertThat(charges.settle(billing, TENANT, null)).isZero();
    // a refused charge holds none: completing the order again may charge it anew
    assertThat(db.count("select count(*) from workorder_charge where state = 'pending'")).isZero();

    billing.refuse.clear();
    charges.retry(first, 0, (c, id, lock) -> {}, 7L);
    assertThat(state(first)).isEqualTo("pending");
    assertThat(charges.settle(billing, TENANT, first)).isEqualTo(1);
    assertThat(state(first)).isEqualTo("posted");
    assertThat(note(first)).isNull();
    assertThat(billing.bills).containsOnlyKeys("order-" + first + "-0", "order-" + second + "-0");

    assertThatThrownBy(() -> charges.retry(first, 0, (c, id, lock) -> {}, 7L))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.type()).isEqualTo("charge-not-refused");
            });
    assertThatThrownBy(() -> charges.retry(first, 5, (c, id, lock) -> {}, 7L))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aPaidChargeIsNotVoidedUntilThePaymentIsReversedAndStaffRetry() throws Exception {
    long order = completed(201, "120.00");
    charges.settle(billing, TENANT, order);
    billing.paid.add("order-" + order + "-0");
    cancel(order);

    charges.settle(billing, TENANT, order);
    assertThat(state(order)).isEqualTo("void_refused");
    assertThat(note(order)).contains("paid");
    assertThat(billing.bills.get("order-" + order + "-0").status()).isEqualTo("open");

    billing.paid.clear();
    charges.retry(order, 0, (c, id, lock) -> {}, 7L);
    charges.settle(billing, TENANT, order);
    assertThat(state(order)).isEqualTo("voided");
    assertThat(billing.bills.get("order-" + order + "-0").status()).isEqualTo("cancelled");
  }

  @Test
  void aCancelThatOvertakesASlowPostStillVoidsTheBillThePostMade() throws Exception {
    long order = completed(301, "60.00");
    // while billing works on the post, the order is cancelled and the cancel's own settle runs:
    // billing holds no bill under the reference yet, so its void finds nothing
    billing.whilePosting =
        reference -> {
          cancel(order);
          charges.settle(billing, TENANT, order);
          return null;
        };
    charges.settle(billing, TENANT, order);
    billing.whilePosting = null;

    // the late post made a live bill: the charge goes back to be voided, not left as voided
    assertThat(billing.bills.get("order-" + order + "-0").status()).isEqualTo("open");
    assertThat(state(order)).isEqualTo("void_pending");
    charges.settle(billing, TENANT, null);
    assertThat(state(order)).isEqualTo("voided");
    assertThat(billing.bills.get("order-" + order + "-0").status()).isEqualTo("cancelled");
  }

  @Test
  void billingAwayLeavesEveryChargeQueuedForTheNextSweep() throws Exception {
    long first = completed(401, "30.00");
    long second = completed(402, "40.00");
    billing.away = true;
    assertThat(charges.settle(billing, TENANT, null)).isZero();
    assertThat(state(first)).isEqualTo("pending");
    assertThat(state(second)).isEqualTo("pending");
    billing.away = false;
    assertThat(charges.settle(billing, TENANT, null)).isEqualTo(2);
    assertThat(state(first)).isEqualTo("posted");
    assertThat(state(second)).isEqualTo("posted");
  }

  /** A done order of room {@code room} whose completing step charged {@code amount}. */
  private long completed(long room, String amount) throws Exception {
    Instant created = NOW.minus(Duration.ofDays(1));
    long id;
    try (Connection c = db.connection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into workorder (number, kind, category_id, state, description, estate_id,"
                  + " building_id, unit_id, room_id, reporter_kind, reporter_user_id, channel,"
                  + " assignee_user_id, responded_at, done_at, working_hours, response_minutes,"
                  + " resolution_minutes, response_due, response_warn_at, resolution_met_at,"
                  + " resolution_due, resolution_warn_at, created_at) values (?, 'repair', ?,"
                  + " 'done', 'a lock', 1, 2, 3, ?, 'staff', 9, 'phone', 7, ?, ?, false, 120, 1440,"
                  + " ?, ?, ?, ?, ?, ?) returning id")) {
        ps.setString(1, "WO-" + room);
        ps.setLong(2, category);
        ps.setLong(3, room);
        ps.setTimestamp(4, Timestamp.from(created.plusSeconds(600)));
        ps.setTimestamp(5, Timestamp.from(NOW));
        ps.setTimestamp(6, Timestamp.from(created.plusSeconds(7200)));
        ps.setTimestamp(7, Timestamp.from(created.plusSeconds(5760)));
        ps.setTimestamp(8, Timestamp.from(NOW));
        ps.setTimestamp(9, Timestamp.from(created.plusSeconds(86400)));
        ps.setTimestamp(10, Timestamp.from(created.plusSeconds(69120)));
        ps.setTimestamp(11, Timestamp.from(created));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      charges.onComplete(c, id, room, category, new BigDecimal(amount), 7L);
    }
    return id;
  }

  private void cancel(long order) {
    db.jdbc()
        .transaction(
            c -> {
              charges.onCancel(c, order);
              return null;
            });
  }

  private String state(long order) throws Exception {
    return column(order, "state");
  }

  private String note(long order) throws Exception {
    return column(order, "note");
  }

  private String column(long order, String column) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "select " + column + " from workorder_charge where order_id = ? and seq = 0")) {
      ps.setLong(1, order);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Billing's external bills, one per reference; the rules of billing's ExternalCharges. */
  private static final class Ledger implements ChargesPort {
    final Map<String, Billed> bills = new HashMap<>();
    final Map<Long, ProblemException> refuse = new HashMap<>();
    final List<String> paid = new ArrayList<>();
    Function<String, Void> whilePosting;
    boolean away;
    private long ids = 1000;

    @Override
    public boolean enabled(TenantSlug tenant) {
      return true;
    }

    @Override
    public Billed post(TenantSlug tenant, String reference, long roomId, BigDecimal amount) {
      if (away) {
        throw new ProblemException(503, "unavailable", "Unavailable", "billing is away");
      }
      if (refuse.containsKey(roomId)) {
        throw refuse.get(roomId);
      }
      if (whilePosting != null) {
        whilePosting.apply(reference);
      }
      return bills.computeIfAbsent(reference, r -> new Billed(++ids, BigDecimal.ZERO, "open"));
    }

    @Override
    public Optional<Billed> cancel(TenantSlug tenant, String reference) {
      if (away) {
        throw new ProblemException(503, "unavailable", "Unavailable", "billing is away");
      }
      Billed bill = bills.get(reference);
      if (bill == null) {
        return Optional.empty();
      }
      if (paid.contains(reference)) {
        throw new ProblemException(409, "charge-paid", "Paid", reference + " is paid");
      }
      Billed cancelled = new Billed(bill.billId(), bill.paid(), "cancelled");
      bills.put(reference, cancelled);
      return Optional.of(cancelled);
    }

    @Override
    public Optional<Billed> find(TenantSlug tenant, String reference) {
      return Optional.ofNullable(bills.get(reference));
    }
  }
}
