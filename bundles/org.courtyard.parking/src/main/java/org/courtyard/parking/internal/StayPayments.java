package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Plates;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.parking.internal.dto.DueView;
import org.courtyard.parking.internal.dto.PassageView;
import org.courtyard.parking.internal.dto.PayInput;
import org.courtyard.parking.internal.dto.PaymentView;
import org.courtyard.parking.internal.dto.TariffView;
import org.courtyard.parking.internal.pay.IncomePort;
import org.courtyard.parking.internal.tariff.Fees;

/**
 * Temporary stays paid: at the exit, where the gate left the car to the guard with what it owes
 * (the exit's passage then opens, reason {@code paid}), or ahead of it, at a pay station or by a QR
 * code, for a vehicle inside (its exit then opens by itself within the tariff's grace minutes, or
 * asks only for what the time since added).
 *
 * <p>Money is booked in billing's ledger, so a payment goes in three steps: it is written {@code
 * pending} (what, how much, for which stay), billing is asked to book it under the reference {@code
 * payment-<id>}, and it is {@code posted} with billing's receipt. An answer of 2xx means posted. A
 * payment left pending (billing away, a crash between the steps) is asked of billing again by the
 * next request for its stay or its key, and billing's reference books it once: the money is never
 * lost nor taken twice. A stay's exit is paid at most once (unique in the database).
 */
final class StayPayments {

  private static final Texts TEXTS = Texts.of(StayPayments.class);
  private static final Text PAYMENT = TEXTS.text("label.payment");
  private static final Set<String> METHODS = Set.of("cash", "bank", "wechat", "alipay");

  private static final String COLUMNS =
      "y.id, y.lot_id, l.estate_id, y.entry_id, y.exit_id, y.plate, y.amount, y.method, y.state,"
          + " y.income_id, y.receipt_no, y.paid_by, y.created_at, y.posted_at,"
          + " y.posted_at + make_interval(mins => coalesce(t.grace_minutes, 0)) AS leave_by";

  private static final String FROM =
      " FROM parking_payment y JOIN parking_lot l ON l.id = y.lot_id"
          + " LEFT JOIN parking_tariff t ON t.lot_id = y.lot_id";

  /** A payment made, the gate it opens (a payment at the exit), and whether it was made before. */
  record Paid(PaymentView payment, Optional<Gates.Opening> opening, boolean replayed) {}

  /**
   * A payment read or written by the first step, and whether that step wrote it (an answer is a
   * replay when the payment was posted before the request came).
   */
  private record Made(PaymentView payment, boolean created) {}

  /** What a stay paid ahead, posted. */
  record Stay(BigDecimal paid, Instant lastPaidAt) {}

  /** A stay's fee now, what was paid, what is left, and until when nothing is. */
  record Due(BigDecimal fee, BigDecimal paid, BigDecimal left, Instant leaveBy) {}

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Lots lots;
  private final Clock clock;

  StayPayments(TenantSlug tenant, Jdbc jdbc, Lots lots, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.lots = lots;
    this.clock = clock;
  }

  // ------------------------------------------------------------------------- what is owed

  /** What the stay {@code entryId} paid ahead, posted, read on {@code c}. */
  static Stay stay(Connection c, long entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(amount), 0), max(posted_at) FROM parking_payment"
                + " WHERE entry_id = ? AND state = 'posted'")) {
      ps.setLong(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp last = rs.getTimestamp(2);
        return new Stay(rs.getBigDecimal(1).setScale(2), last == null ? null : last.toInstant());
      }
    }
  }

  /** Whether a payment of the stay is still waiting for billing to book it. */
  static boolean pending(Connection c, long entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM parking_payment WHERE entry_id = ? AND state = 'pending' LIMIT 1")) {
      ps.setLong(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * What a stay from {@code entered} owes at {@code at} in the lot: its fee by the tariff less what
   * was paid, and nothing while within the grace minutes of its last payment. Empty when the lot
   * has no tariff or the stay is one no tariff prices, which a person decides.
   */
  static Optional<Due> due(
      Connection c, long lotId, long entryId, String plate, Instant entered, Instant at, Stay stay)
      throws SQLException {
    TariffView v = Tariffs.existing(c, lotId);
    // a clock a little behind the entry camera's prices the stay as just begun
    Instant until = at.isBefore(entered) ? entered : at;
    if (v == null || Duration.between(entered, until).compareTo(Fees.LONGEST) > 0) {
      return Optional.empty();
    }
    java.time.ZoneId zone = Tariffs.zone(c);
    // a visitor's time and merchants' coupons of the plate on the days the stay covers
    long off =
        Discounts.minutesOff(
            c,
            lotId,
            entryId,
            plate,
            java.time.LocalDate.ofInstant(entered, zone),
            java.time.LocalDate.ofInstant(until, zone));
    BigDecimal fee =
        Fees.of(Tariffs.tariff(v), entered, until, Math.min(off, Fees.LONGEST.toMinutes()), zone)
            .amount();
    Instant leaveBy =
        stay.lastPaidAt() == null
            ? null
            : stay.lastPaidAt().plus(Duration.ofMinutes(v.graceMinutes()));
    BigDecimal left =
        leaveBy != null && !until.isAfter(leaveBy)
            ? BigDecimal.ZERO.setScale(2)
            : fee.subtract(stay.paid()).max(BigDecimal.ZERO).setScale(2);
    return Optional.of(new Due(fee, stay.paid(), left, leaveBy));
  }

  /**
   * What the vehicle {@code plate} inside the lot owes now; 404 {@code not-found} for a plate not
   * inside on a temporary space, 404 {@code no-tariff} for a lot without one.
   */
  DueView due(DataScope scope, long lotId, String rawPlate) {
    FieldErrors errors = new FieldErrors();
    String plate = Plates.plate(rawPlate, "plate", errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    return jdbc.read(
        c -> {
          lots.find(c, scope, lotId, false);
          Gates.Inside in = temporaryInside(c, lotId, plate);
          Due d = owed(c, lotId, plate, in, now);
          return new DueView(
              lotId, plate, in.id(), in.seenAt(), now, d.fee(), d.paid(), d.left(), d.leaveBy());
        });
  }

  private static Gates.Inside temporaryInside(Connection c, long lotId, String plate)
      throws SQLException {
    Gates.Inside in = Gates.inside(c, lotId, plate);
    if (in == null || !in.temporary()) {
      throw TEXTS.problem(404, "not-found", "payment.not-inside", plate);
    }
    return in;
  }

  private static Due owed(Connection c, long lotId, String plate, Gates.Inside in, Instant now)
      throws SQLException {
    Optional<Due> d = due(c, lotId, in.id(), plate, in.seenAt(), now, stay(c, in.id()));
    if (d.isPresent()) {
      return d.get();
    }
    if (Tariffs.existing(c, lotId) == null) {
      throw TEXTS.problem(404, "no-tariff", "tariff.none", lotId);
    }
    throw TEXTS.problem(422, "stay-unpriced", "payment.unpriced", Fees.LONGEST.toDays());
  }

  // ------------------------------------------------------------------------------ paying

  /** What the first step of a payment at the exit found or wrote, and a gate it opened. */
  private record AtExit(Made made, Optional<Gates.Opening> opening) {}

  /**
   * Pays what the exit's passage owes (the fee the gate held it for, less anything the stay was
   * paid since) and opens it. The exit is paid once: asking again, with any key or none, answers
   * that payment. A payment of the stay still pending is booked first; when the stay then owes
   * nothing, the passage opens without taking money. 409 {@code wrong-state} for a passage not
   * waiting for its fee or whose vehicle is no longer counted inside.
   */
  Paid atExit(
      DataScope scope, long passageId, PayInput input, String key, Long staff, IncomePort port) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String method = method(input.method(), errors);
    String note = TextRules.optionalLine(input.note(), "note", 500, errors);
    errors.throwIfAny();
    for (int attempt = 0; ; attempt++) {
      PaymentView[] stale = new PaymentView[1];
      AtExit first =
          jdbc.transaction(
              c -> {
                long lotId = Gates.find(c, scope, passageId).lotId();
                Gates.lockLot(c, lotId);
                // read again under the lot's lock: a guard may have decided it meanwhile
                PassageView p = Gates.find(c, scope, passageId);
                Optional<PaymentView> byKey = key == null ? Optional.empty() : byKey(c, lotId, key);
                if (byKey.isPresent()) {
                  if (!Objects.equals(byKey.get().exitId(), passageId)) {
                    throw TEXTS.problem(422, "idempotency-key-reused", "payment.key-reused");
                  }
                  return new AtExit(new Made(byKey.get(), false), Optional.empty());
                }
                Optional<PaymentView> paid = one(c, "y.exit_id = ?", passageId);
                if (paid.isPresent()) {
                  return new AtExit(new Made(paid.get(), false), Optional.empty());
                }
                requireBilling(port);
                if (!heldForFee(p) || !Gates.stillInside(c, p.entryId())) {
                  throw TEXTS.problem(409, "wrong-state", "payment.exit-not-due", passageId);
                }
                Optional<PaymentView> pending =
                    one(c, "y.entry_id = ? AND y.state = 'pending'", p.entryId());
                if (pending.isPresent()) {
                  stale[0] = pending.get();
                  return null;
                }
                BigDecimal left = leftAt(c, p);
                if (left.signum() == 0) {
                  // paid meanwhile (ahead, or a payment just booked): the gate opens, no money
                  Optional<Gates.Opening> opening = openPaid(c, p, note, staff);
                  PaymentView last =
                      one(
                              c,
                              "y.id = (SELECT max(id) FROM parking_payment WHERE entry_id = ?"
                                  + " AND state = 'posted')",
                              p.entryId())
                          .orElseThrow();
                  return new AtExit(new Made(last, false), opening);
                }
                long id =
                    insert(c, lotId, p.entryId(), passageId, p.plate(), left, method, key, staff);
                return new AtExit(
                    new Made(one(c, "y.id = ?", id).orElseThrow(), true), Optional.empty());
              });
      if (first != null) {
        if (first.opening().isPresent()) {
          return new Paid(first.made().payment(), first.opening(), true);
        }
        PaymentView made = first.made().payment();
        return settle(port, made, note, staff, made.state().equals("posted"));
      }
      if (attempt > 0) {
        throw TEXTS.problem(409, "wrong-state", "payment.pending", passageId);
      }
      Paid earlier = settle(port, stale[0], null, staff, true);
      if (earlier.opening().isPresent()) {
        // the stay's pending payment was another read of this exit's: it opens now
        return earlier;
      }
    }
  }

  /** Whether the passage is an exit the gate held for a fee. */
  private static boolean heldForFee(PassageView p) {
    return p.direction().equals("exit")
        && p.decision().equals("guard")
        && p.decidedAt() == null
        && ("payment-due".equals(p.reason()) || "payment-pending".equals(p.reason()))
        && p.fee() != null
        && p.fee().signum() > 0
        && p.entryId() != null;
  }

  /**
   * What the exit owes now: the fee it was held for, or less when the stay was paid since (what the
   * stay owed at the exit's read less what it paid, nothing within the grace minutes).
   */
  private static BigDecimal leftAt(Connection c, PassageView p) throws SQLException {
    Stay stay = stay(c, p.entryId());
    Instant entered = Gates.find(c, DataScope.ALL, p.entryId()).seenAt();
    return due(c, p.lotId(), p.entryId(), p.plate(), entered, p.seenAt(), stay)
        .map(Due::left)
        .orElse(p.fee())
        .min(p.fee());
  }

  /**
   * Pays ahead what the vehicle {@code plate} inside owes now. {@code key} (Idempotency-Key) is
   * required: the same key again answers the payment it made. 409 {@code nothing-to-pay} while the
   * stay owes nothing (free so far, or within the grace minutes of its last payment); 409 {@code
   * wrong-state} while its exit is being paid at the gate.
   */
  Paid ahead(DataScope scope, long lotId, PayInput input, String key, Long staff, IncomePort port) {
    Objects.requireNonNull(input, "input");
    if (key == null) {
      throw TEXTS.problem(400, "idempotency-key-required", "payment.key-required");
    }
    FieldErrors errors = new FieldErrors();
    String plate = Plates.plate(input.plate(), "plate", errors);
    String method = method(input.method(), errors);
    errors.throwIfAny();
    // a payment of the stay left pending by an earlier failure is booked before any new one
    for (int attempt = 0; ; attempt++) {
      PaymentView[] stale = new PaymentView[1];
      Made made =
          jdbc.transaction(
              c -> {
                lots.find(c, scope, lotId, false);
                Gates.lockLot(c, lotId);
                Optional<PaymentView> byKey = byKey(c, lotId, key);
                if (byKey.isPresent()) {
                  PaymentView b = byKey.get();
                  if (!plate.equals(b.plate()) || b.exitId() != null) {
                    throw TEXTS.problem(422, "idempotency-key-reused", "payment.key-reused");
                  }
                  return new Made(b, false);
                }
                requireBilling(port);
                Gates.Inside in = temporaryInside(c, lotId, plate);
                Optional<PaymentView> pending =
                    one(c, "y.entry_id = ? AND y.state = 'pending'", in.id());
                if (pending.isPresent()) {
                  if (pending.get().exitId() != null) {
                    throw TEXTS.problem(409, "wrong-state", "payment.at-exit", plate);
                  }
                  stale[0] = pending.get();
                  return null;
                }
                Due d = owed(c, lotId, plate, in, clock.instant());
                if (d.left().signum() == 0) {
                  throw TEXTS.problem(
                      409,
                      "nothing-to-pay",
                      "payment.nothing-due",
                      plate,
                      d.leaveBy() == null ? "-" : d.leaveBy().toString());
                }
                long id = insert(c, lotId, in.id(), null, plate, d.left(), method, key, staff);
                return new Made(one(c, "y.id = ?", id).orElseThrow(), true);
              });
      if (made != null) {
        return settle(port, made.payment(), null, staff, made.payment().state().equals("posted"));
      }
      if (attempt > 0) {
        throw TEXTS.problem(409, "wrong-state", "payment.pending", plate);
      }
      settle(port, stale[0], null, staff, true);
    }
  }

  /**
   * Books the payments left pending longer than {@code after} (billing was away, or the request
   * that wrote one never came back): the money a guard or a pay station took reaches the ledger
   * even when nobody asks for that stay again. A payment at an exit is posted and its passage
   * decided, but no barrier is opened this late: the guard's screen shows it sent no command.
   *
   * @return how many were booked
   */
  int bookPending(IncomePort port, java.time.Duration after) {
    if (port == null || !port.enabled(tenant)) {
      return 0;
    }
    Instant before = clock.instant().minus(after);
    List<PaymentView> pending =
        jdbc.read(
            c -> {
              List<PaymentView> out = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + FROM
                          + " WHERE y.state = 'pending' AND y.created_at < ?"
                          + " ORDER BY y.created_at LIMIT 100")) {
                ps.setTimestamp(1, Timestamp.from(before));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(view(rs));
                  }
                }
              }
              return out;
            });
    int booked = 0;
    RuntimeException first = null;
    for (PaymentView p : pending) {
      // one payment billing refuses does not hold back the others
      try {
        settle(port, p, null, null, true);
        booked++;
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null && booked == 0) {
      throw first;
    }
    return booked;
  }

  /** The exit opens as paid: who took the step, and its entry is out. */
  private static Optional<Gates.Opening> openPaid(
      Connection c, PassageView exit, String note, Long staff) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE parking_passage SET decision = 'open', reason = 'paid',"
                + " decided_by = ?, decided_at = now(), note = coalesce(?, note)"
                + " WHERE id = ? AND decision = 'guard' AND decided_at IS NULL")) {
      Jdbc.setLong(ps, 1, staff);
      ps.setString(2, note);
      ps.setLong(3, exit.id());
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    Gates.letOut(c, exit.entryId());
    return Optional.of(Gates.opening(c, exit));
  }

  /** Books a pending payment in billing and posts it; a payment at the exit opens its passage. */
  private Paid settle(IncomePort port, PaymentView p, String note, Long staff, boolean replayed) {
    if (p.state().equals("posted")) {
      return new Paid(p, Optional.empty(), replayed);
    }
    IncomePort.Receipt receipt =
        port.book(tenant, "payment-" + p.id(), p.estateId(), p.amount(), p.method(), p.plate());
    return jdbc.transaction(
        c -> {
          Gates.lockLot(c, p.lotId());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_payment SET state = 'posted', income_id = ?, receipt_no = ?,"
                      + " posted_at = ? WHERE id = ? AND state = 'pending'")) {
            ps.setLong(1, receipt.incomeId());
            ps.setString(2, receipt.receiptNo());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, p.id());
            ps.executeUpdate();
          }
          Optional<Gates.Opening> opening = Optional.empty();
          if (p.exitId() != null) {
            opening =
                openPaid(
                    c,
                    Gates.find(c, DataScope.ALL, p.exitId()),
                    note,
                    staff != null ? staff : p.paidBy());
          }
          return new Paid(one(c, "y.id = ?", p.id()).orElseThrow(), opening, replayed);
        });
  }

  /** 409 {@code billing-not-enabled} unless the tenant's billing can book the money. */
  private void requireBilling(IncomePort income) {
    if (income == null || !income.enabled(tenant)) {
      throw TEXTS.problem(409, "billing-not-enabled", "payment.billing-needed");
    }
  }

  private static String method(String raw, FieldErrors errors) {
    return ParkingRules.oneOf(raw, "method", METHODS, null, errors);
  }

  private static long insert(
      Connection c,
      long lotId,
      long entryId,
      Long exitId,
      String plate,
      BigDecimal amount,
      String method,
      String key,
      Long staff)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO parking_payment (lot_id, entry_id, exit_id, plate, amount, method,"
                + " request_key, paid_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      ps.setLong(1, lotId);
      ps.setLong(2, entryId);
      Jdbc.setLong(ps, 3, exitId);
      ps.setString(4, plate);
      ps.setBigDecimal(5, amount);
      ps.setString(6, method);
      ps.setString(7, key);
      Jdbc.setLong(ps, 8, staff);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // ----------------------------------------------------------------------------- reading

  private static Optional<PaymentView> byKey(Connection c, long lotId, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + FROM + " WHERE y.lot_id = ? AND y.request_key = ?")) {
      ps.setLong(1, lotId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  PaymentView get(DataScope scope, long id) {
    return jdbc.read(
        c -> {
          Optional<PaymentView> p = one(c, "y.id = ?", id);
          if (p.isEmpty() || !scope.covers(p.get().estateId(), null)) {
            throw Problems.notFound(PAYMENT, id);
          }
          return p.get();
        });
  }

  /** Payments of the lots in scope, newest first. */
  Page<PaymentView> list(DataScope scope, Long lotId, String plate, long beforeId, int limit) {
    return jdbc.read(
        c ->
            LotPages.newestFirst(
                c,
                "SELECT " + COLUMNS + FROM,
                "y",
                null,
                scope,
                lotId,
                plate,
                beforeId,
                limit,
                StayPayments::view,
                PaymentView::id));
  }

  private static Optional<PaymentView> one(Connection c, String where, Object value)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE " + where)) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  private static PaymentView view(ResultSet rs) throws SQLException {
    Timestamp posted = rs.getTimestamp(14);
    Timestamp leaveBy = rs.getTimestamp(15);
    return new PaymentView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getObject(5, Long.class),
        rs.getString(6),
        rs.getBigDecimal(7),
        rs.getString(8),
        rs.getString(9),
        rs.getObject(10, Long.class),
        rs.getString(11),
        rs.getObject(12, Long.class),
        rs.getTimestamp(13).toInstant(),
        posted == null ? null : posted.toInstant(),
        posted == null || rs.getLong(5) != 0 ? null : leaveBy.toInstant());
  }
}
