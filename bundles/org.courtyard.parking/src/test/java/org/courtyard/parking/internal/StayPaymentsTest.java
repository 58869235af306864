package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.driver.DeviceRecord.Direction;
import org.courtyard.driver.DeviceRecord.PlateColour;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.parking.internal.dto.GateInput;
import org.courtyard.parking.internal.dto.PayInput;
import org.courtyard.parking.internal.pay.IncomePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Temporary stays paid at the exit and ahead, on PostgreSQL: what is owed, the gate's decision
 * after a payment, and that a payment billing did not confirm is booked once when asked again.
 * Billing is the one part played here: {@link Ledger} books once per reference, as billing's
 * CounterIncome does (that service is exercised against the real billing in ParkingIT).
 */
class StayPaymentsTest {

  private static final Instant T = Instant.parse("2026-12-07T02:00:00Z"); // 10:00 in Shanghai
  private static final TenantSlug TENANT = TenantSlug.of("acme");

  /** Billing's ledger as parking sees it: one income per reference; can be made to fail. */
  static final class Ledger implements IncomePort {
    final Map<String, BigDecimal> booked = new LinkedHashMap<>();
    final List<String> asked = new ArrayList<>();
    boolean away;
    boolean enabled = true;

    @Override
    public boolean enabled(TenantSlug tenant) {
      return enabled;
    }

    @Override
    public synchronized Receipt book(
        TenantSlug tenant,
        String reference,
        long estateId,
        BigDecimal amount,
        String method,
        String plate) {
      asked.add(reference);
      if (away) {
        throw new IllegalStateException("billing's database is away");
      }
      booked.putIfAbsent(reference, amount);
      int n = new ArrayList<>(booked.keySet()).indexOf(reference) + 1;
      return new Receipt(n, "I" + n);
    }
  }

  /** A clock the test moves. */
  static final class Moving extends Clock {
    Instant now = T;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static TestSchema schema;
  private static Gates gates;
  private static StayPayments payments;
  private static final Moving CLOCK = new Moving();
  private static long lot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location, temporary_spaces) VALUES"
            + " (1, 'P1', 'Paid garage', 'underground', 20)");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'P1'");
    Lots lots = new Lots(schema.jdbc(), null, null);
    gates = new Gates(schema.jdbc(), lots);
    payments = new StayPayments(TENANT, schema.jdbc(), lots, CLOCK);
    gates.addGate(DataScope.ALL, new GateInput(lot, "cam-p", "in", "entry", "In"));
    gates.addGate(DataScope.ALL, new GateInput(lot, "cam-p", "out", "exit", "Out"));
    // 15 free minutes, 5 yuan the first hour, 2 each half hour; 15 minutes to leave after paying
    schema.execute(
        "INSERT INTO parking_tariff (lot_id, free_minutes, first_minutes, first_price,"
            + " unit_minutes, unit_price, grace_minutes) VALUES ("
            + lot
            + ", 15, 60, 5, 30, 2, 15)");
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static Gates.Handled pass(String lane, Direction d, String plate, Instant at) {
    return gates
        .read("cam-p", new PlateRead(lane, d, plate, PlateColour.BLUE, 95, null, at), at)
        .orElseThrow();
  }

  private static String said(Gates.Handled h) {
    return said(h.passage());
  }

  private static String said(org.courtyard.parking.internal.dto.PassageView p) {
    return p.decision() + " " + p.reason();
  }

  @Test
  void anExitHeldForItsFeeIsPaidOnceAndOpens() {
    Ledger ledger = new Ledger();
    Gates.Handled in = pass("in", Direction.ENTRY, "粤B20001", T);
    Gates.Handled out = pass("out", Direction.EXIT, "粤B20001", T.plusSeconds(2 * 3600));
    assertThat(said(out)).isEqualTo("guard payment-due");
    assertThat(out.passage().fee()).isEqualByComparingTo("9.00"); // 5 + 2 × 2

    StayPayments.Paid paid =
        payments.atExit(
            DataScope.ALL,
            out.passage().id(),
            new PayInput(null, "wechat", null),
            null,
            7L,
            ledger);
    assertThat(paid.replayed()).isFalse();
    assertThat(paid.payment().state()).isEqualTo("posted");
    assertThat(paid.payment().amount()).isEqualByComparingTo("9.00");
    assertThat(paid.payment().receiptNo()).startsWith("I");
    assertThat(paid.opening()).contains(new Gates.Opening(out.passage().id(), "cam-p", "out"));
    assertThat(said(gates.get(DataScope.ALL, out.passage().id()))).isEqualTo("open paid");
    assertThat(gates.get(DataScope.ALL, out.passage().id()).decidedBy()).isEqualTo(7L);
    assertThat(gates.get(DataScope.ALL, in.passage().id()).inside()).isFalse();

    // the guard presses again: the same payment, no second booking, no second opening
    StayPayments.Paid again =
        payments.atExit(
            DataScope.ALL, out.passage().id(), new PayInput(null, "cash", null), null, 7L, ledger);
    assertThat(again.replayed()).isTrue();
    assertThat(again.payment().id()).isEqualTo(paid.payment().id());
    assertThat(again.opening()).isEmpty();
    assertThat(ledger.booked).hasSize(1);
  }

  @Test
  void aPaymentBillingDidNotConfirmIsBookedOnceWhenAskedAgain() throws Exception {
    Ledger ledger = new Ledger();
    pass("in", Direction.ENTRY, "粤B20002", T);
    Gates.Handled out = pass("out", Direction.EXIT, "粤B20002", T.plusSeconds(3600));
    assertThat(out.passage().fee()).isEqualByComparingTo("5.00");
    ledger.away = true;
    PayInput cash = new PayInput(null, "cash", "paid in coins");
    assertThatThrownBy(
            () -> payments.atExit(DataScope.ALL, out.passage().id(), cash, "k-1", 7L, ledger))
        .isInstanceOf(IllegalStateException.class);
    // nothing answered 2xx: the passage still waits, the payment is pending, not posted
    assertThat(said(gates.get(DataScope.ALL, out.passage().id()))).isEqualTo("guard payment-due");
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_payment WHERE state = 'pending' AND exit_id = "
                    + out.passage().id()))
        .isEqualTo(1);

    ledger.away = false;
    StayPayments.Paid paid =
        payments.atExit(DataScope.ALL, out.passage().id(), cash, "k-1", 7L, ledger);
    assertThat(paid.payment().state()).isEqualTo("posted");
    assertThat(paid.opening()).isPresent();
    // billing was asked twice under one reference and booked it once
    assertThat(ledger.asked).containsExactly(ledger.asked.get(0), ledger.asked.get(0));
    assertThat(ledger.booked).hasSize(1);
    assertThat(gates.get(DataScope.ALL, out.passage().id()).note()).isEqualTo("paid in coins");
  }

  @Test
  void aStayPaidAheadLeavesWithinItsGraceAndPaysOnlyWhatTheTimeSinceAdded() {
    Ledger ledger = new Ledger();
    pass("in", Direction.ENTRY, "粤B20003", T);
    pass("in", Direction.ENTRY, "粤B20004", T);
    CLOCK.now = T.plusSeconds(90 * 60);
    assertThat(payments.due(DataScope.ALL, lot, "粤B20003").due()).isEqualByComparingTo("7.00");

    StayPayments.Paid first =
        payments.ahead(
            DataScope.ALL, lot, new PayInput("粤B20003", "alipay", null), "ahead-1", null, ledger);
    assertThat(first.payment().amount()).isEqualByComparingTo("7.00");
    assertThat(first.payment().exitId()).isNull();
    assertThat(first.payment().leaveBy()).isEqualTo(T.plusSeconds(105 * 60));
    // the same key again: the same payment
    StayPayments.Paid replay =
        payments.ahead(
            DataScope.ALL, lot, new PayInput("粤B20003", "alipay", null), "ahead-1", null, ledger);
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.payment().id()).isEqualTo(first.payment().id());
    // another key while nothing is owed: refused, nothing booked
    ProblemException nothing =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    payments.ahead(
                        DataScope.ALL,
                        lot,
                        new PayInput("粤B20003", "cash", null),
                        "ahead-2",
                        null,
                        ledger));
    assertThat(nothing.status()).isEqualTo(409);
    assertThat(nothing.type()).endsWith("nothing-to-pay");
    assertThat(ledger.booked).hasSize(1);

    // within the 15 minutes: the gate opens by itself
    assertThat(said(pass("out", Direction.EXIT, "粤B20003", T.plusSeconds(100 * 60))))
        .isEqualTo("open paid");

    // the other car paid at 90 minutes too but leaves at 150: 11 by then, 7 paid, 4 left
    payments.ahead(
        DataScope.ALL, lot, new PayInput("粤B20004", "cash", null), "ahead-3", null, ledger);
    Gates.Handled late = pass("out", Direction.EXIT, "粤B20004", T.plusSeconds(150 * 60));
    assertThat(said(late)).isEqualTo("guard payment-due");
    assertThat(late.passage().fee()).isEqualByComparingTo("4.00");
  }

  @Test
  void withoutBillingNothingIsTakenAndAKeyIsNeededAhead() throws Exception {
    Ledger ledger = new Ledger();
    ledger.enabled = false;
    pass("in", Direction.ENTRY, "粤B20005", T);
    Gates.Handled out = pass("out", Direction.EXIT, "粤B20005", T.plusSeconds(3600));
    ProblemException off =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    payments.atExit(
                        DataScope.ALL,
                        out.passage().id(),
                        new PayInput(null, "cash", null),
                        null,
                        7L,
                        ledger));
    assertThat(off.status()).isEqualTo(409);
    assertThat(off.type()).endsWith("billing-not-enabled");
    ProblemException noKey =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    payments.ahead(
                        DataScope.ALL, lot, new PayInput("粤B20005", "cash", null), null, 7L, null));
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(schema.count("SELECT count(*) FROM parking_payment WHERE plate = '粤B20005'"))
        .isZero();
  }

  @Test
  void anExitReadTwiceIsPaidOnce() {
    Ledger ledger = new Ledger();
    pass("in", Direction.ENTRY, "粤B20006", T);
    Gates.Handled first = pass("out", Direction.EXIT, "粤B20006", T.plusSeconds(3600));
    Gates.Handled second = pass("out", Direction.EXIT, "粤B20006", T.plusSeconds(3610));
    assertThat(said(second)).isEqualTo("guard payment-due");
    PayInput cash = new PayInput(null, "cash", null);
    payments.atExit(DataScope.ALL, first.passage().id(), cash, null, 7L, ledger);
    ProblemException again =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    payments.atExit(DataScope.ALL, second.passage().id(), cash, null, 8L, ledger));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.type()).endsWith("wrong-state");
    assertThat(ledger.booked).hasSize(1);
  }

  @Test
  void aPaymentBillingMissedIsBookedByTheRetryOrByTheNextReadOfItsExit() throws Exception {
    Ledger ledger = new Ledger();
    PayInput cash = new PayInput(null, "cash", null);
    // one car: its payment is left pending, then booked by the retry
    pass("in", Direction.ENTRY, "粤B20007", T);
    Gates.Handled out = pass("out", Direction.EXIT, "粤B20007", T.plusSeconds(3600));
    ledger.away = true;
    assertThatThrownBy(
            () -> payments.atExit(DataScope.ALL, out.passage().id(), cash, null, 7L, ledger))
        .isInstanceOf(IllegalStateException.class);
    // the camera reads it again while billing is away: the guard sees a payment waiting
    Gates.Handled reread = pass("out", Direction.EXIT, "粤B20007", T.plusSeconds(3620));
    assertThat(said(reread)).isEqualTo("guard payment-pending");
    ledger.away = false;
    CLOCK.now = Instant.now().plusSeconds(1);
    assertThat(payments.bookPending(ledger, java.time.Duration.ZERO)).isGreaterThanOrEqualTo(1);
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_payment WHERE state = 'posted' AND exit_id = "
                    + out.passage().id()))
        .isEqualTo(1);
    // decided, but no barrier opened this late: no command
    assertThat(said(gates.get(DataScope.ALL, out.passage().id()))).isEqualTo("open paid");

    // another car: its pending payment is booked when the guard presses pay on the next read
    pass("in", Direction.ENTRY, "粤B20008", T);
    Gates.Handled exit = pass("out", Direction.EXIT, "粤B20008", T.plusSeconds(3600));
    ledger.away = true;
    assertThatThrownBy(
            () -> payments.atExit(DataScope.ALL, exit.passage().id(), cash, null, 7L, ledger))
        .isInstanceOf(IllegalStateException.class);
    Gates.Handled next = pass("out", Direction.EXIT, "粤B20008", T.plusSeconds(3630));
    ledger.away = false;
    StayPayments.Paid paid =
        payments.atExit(DataScope.ALL, next.passage().id(), cash, null, 7L, ledger);
    assertThat(paid.payment().exitId()).isEqualTo(exit.passage().id());
    assertThat(paid.payment().state()).isEqualTo("posted");
    assertThat(paid.opening()).isPresent();
    assertThat(ledger.booked).hasSize(2);
  }
}
