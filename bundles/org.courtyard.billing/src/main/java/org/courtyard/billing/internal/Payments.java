package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.billing.internal.calc.PaymentAllocator;
import org.courtyard.billing.internal.calc.Posting;
import org.courtyard.billing.internal.dto.PaymentRequest;
import org.courtyard.billing.internal.dto.PaymentView;
import org.courtyard.billing.internal.dto.RefundRequest;
import org.courtyard.billing.internal.dto.RefundView;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Payments (缴费) and refunds of prepayment, each in one transaction with its Idempotency-Key record.
 * Every money movement of a room first locks the room's {@code room_account} row, then the room's
 * open bills ({@code SELECT ... FOR UPDATE}), always in that order, so concurrent payments of one
 * room queue up instead of paying the same bill twice.
 *
 * <p>A caller of some estates or buildings books money for the rooms there only: a room outside the
 * scope gets the answer a room that does not exist gets, before the Idempotency-Key is looked at. A
 * key's stored answer is about the request's room (the key is stored with the request's hash, room
 * included), so a replay never shows a payment of a room the caller cannot see.
 */
final class Payments {

  private static final Texts TEXTS = Texts.of(Payments.class);

  static final Set<String> PAYMENT_METHODS = Set.of("cash", "bank", "wechat", "alipay");
  static final Set<String> REFUND_METHODS = Set.of("cash", "bank");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final EstateDirectory estate;
  private final Clock clock;

  Payments(TenantSlug tenant, Jdbc jdbc, Catalog catalog, EstateDirectory estate, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.estate = estate;
    this.clock = clock;
  }

  /**
   * @return the answer, stored under {@code key}: 201 and the payment, or the stored answer of an
   *     earlier identical request
   */
  Idempotency.Stored pay(String key, PaymentRequest in, DataScope scope) {
    Idempotency.requireKey(key);
    if (in == null) {
      throw Errors.missingBody();
    }
    FieldErrors errors = new FieldErrors();
    RoomSummary place = checkRoom(in.roomId(), scope, errors);
    checkAmount("amount", in.amount(), errors);
    if (in.method() == null || !PAYMENT_METHODS.contains(in.method())) {
      errors.add("method", TEXTS.text("payment.method"));
    }
    if (in.allocations() != null) {
      for (int i = 0; i < in.allocations().size(); i++) {
        PaymentRequest.AllocationInput a = in.allocations().get(i);
        if (a == null || a.billId() == null) {
          errors.add("allocations[" + i + "].billId", TEXTS.text("field.required"));
        } else {
          checkAmount("allocations[" + i + "].amount", a.amount(), errors);
        }
      }
    }
    errors.throwIfAny();
    String hash = RequestHash.of("payments", Json.MAPPER.valueToTree(in));
    Catalog.Settings settings = catalog.settings();
    return jdbc.transaction(
        c -> {
          Optional<Idempotency.Stored> replay = Idempotency.claim(c, key, "payments", hash);
          if (replay.isPresent()) {
            return replay.get();
          }
          Instant now = clock.instant();
          String period = Periods.current(clock, settings.zone()).toString();
          long room = in.roomId();
          BigDecimal prepayment = lockAccount(c, room, place);
          Map<Long, OpenBill> open = lockOpenBills(c, room);
          List<PaymentAllocator.OpenBill> openList =
              open.values().stream()
                  .map(b -> new PaymentAllocator.OpenBill(b.id, b.outstanding()))
                  .toList();
          BigDecimal amount = in.amount().setScale(2);
          PaymentAllocator.Result split =
              in.allocations() == null
                  ? PaymentAllocator.oldestFirst(amount, openList)
                  : PaymentAllocator.explicit(
                      amount,
                      openList,
                      in.allocations().stream()
                          .map(
                              a ->
                                  new PaymentAllocator.Allocation(
                                      a.billId(), a.amount().setScale(2)))
                          .toList());
          UUID txId = TxIds.next();
          long paymentId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO payment (room_id, amount, method, to_prepayment, idempotency_key, tx_id,"
                      + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, room);
            ps.setBigDecimal(2, amount);
            ps.setString(3, in.method());
            ps.setBigDecimal(4, split.toPrepayment());
            ps.setString(5, key);
            ps.setObject(6, txId);
            ps.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              paymentId = rs.getLong(1);
            }
          }
          List<PaymentView.Applied> applied = new ArrayList<>();
          BigDecimal appliedTotal = BigDecimal.ZERO.setScale(2);
          for (PaymentAllocator.Allocation a : split.allocations()) {
            OpenBill bill = open.get(a.billId());
            applyToBill(c, a.billId(), a.amount());
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO allocation (bill_id, payment_id, source, amount, tx_id, created_at)"
                        + " VALUES (?, ?, 'payment', ?, ?, ?)")) {
              ps.setLong(1, a.billId());
              ps.setLong(2, paymentId);
              ps.setBigDecimal(3, a.amount());
              ps.setObject(4, txId);
              ps.setTimestamp(5, Timestamp.from(now));
              ps.executeUpdate();
            }
            applied.add(
                new PaymentView.Applied(
                    a.billId(), bill.period, a.amount(), bill.outstanding().subtract(a.amount())));
            appliedTotal = appliedTotal.add(a.amount());
          }
          BigDecimal balance = prepayment.add(split.toPrepayment());
          if (split.toPrepayment().signum() > 0) {
            setPrepayment(c, room, balance, now);
          }
          List<Posting> postings = new ArrayList<>();
          postings.add(Posting.debit(Ledger.moneyAccount(in.method()), amount));
          if (appliedTotal.signum() > 0) {
            postings.add(Posting.credit(Ledger.RECEIVABLE, appliedTotal));
          }
          if (split.toPrepayment().signum() > 0) {
            postings.add(Posting.credit(Ledger.PREPAYMENT, split.toPrepayment()));
          }
          Ledger.post(
              c,
              List.of(
                  new Ledger.Tx(
                      txId, "payment", room, null, paymentId, null, period, null, postings)),
              now);
          PaymentView view =
              new PaymentView(
                  paymentId,
                  room,
                  amount,
                  in.method(),
                  "posted",
                  applied,
                  split.toPrepayment(),
                  balance,
                  settings.currency(),
                  txId,
                  now);
          Idempotency.Stored answer = new Idempotency.Stored(201, Json.bytes(view));
          Idempotency.complete(c, key, answer);
          return answer;
        });
  }

  /**
   * @throws ProblemException 409 {@code insufficient-prepayment} when the room's prepayment is
   *     smaller than the refund
   */
  Idempotency.Stored refund(String key, RefundRequest in, DataScope scope) {
    Idempotency.requireKey(key);
    if (in == null) {
      throw Errors.missingBody();
    }
    FieldErrors errors = new FieldErrors();
    RoomSummary place = checkRoom(in.roomId(), scope, errors);
    checkAmount("amount", in.amount(), errors);
    if (in.method() == null || !REFUND_METHODS.contains(in.method())) {
      errors.add("method", TEXTS.text("refund.method"));
    }
    errors.throwIfAny();
    String hash = RequestHash.of("refunds", Json.MAPPER.valueToTree(in));
    Catalog.Settings settings = catalog.settings();
    return jdbc.transaction(
        c -> {
          Optional<Idempotency.Stored> replay = Idempotency.claim(c, key, "refunds", hash);
          if (replay.isPresent()) {
            return replay.get();
          }
          Instant now = clock.instant();
          long room = in.roomId();
          BigDecimal amount = in.amount().setScale(2);
          BigDecimal prepayment = lockAccount(c, room, place);
          if (amount.compareTo(prepayment) > 0) {
            throw TEXTS.problem(
                409,
                "insufficient-prepayment",
                Map.of("prepaymentBalance", prepayment),
                "refund.insufficient-prepayment",
                room,
                prepayment.toPlainString(),
                amount.toPlainString());
          }
          BigDecimal balance = prepayment.subtract(amount);
          setPrepayment(c, room, balance, now);
          UUID txId = TxIds.next();
          long refundId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO refund (room_id, amount, method, idempotency_key, tx_id, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, room);
            ps.setBigDecimal(2, amount);
            ps.setString(3, in.method());
            ps.setString(4, key);
            ps.setObject(5, txId);
            ps.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              refundId = rs.getLong(1);
            }
          }
          Ledger.post(
              c,
              List.of(
                  new Ledger.Tx(
                      txId,
                      "refund",
                      room,
                      null,
                      null,
                      refundId,
                      Periods.current(clock, settings.zone()).toString(),
                      null,
                      List.of(
                          Posting.debit(Ledger.PREPAYMENT, amount),
                          Posting.credit(Ledger.moneyAccount(in.method()), amount)))),
              now);
          RefundView view =
              new RefundView(
                  refundId,
                  room,
                  amount,
                  in.method(),
                  "posted",
                  balance,
                  settings.currency(),
                  txId,
                  now);
          Idempotency.Stored answer = new Idempotency.Stored(201, Json.bytes(view));
          Idempotency.complete(c, key, answer);
          return answer;
        });
  }

  /**
   * Makes sure the room has an account row, locks it and returns its prepayment balance.
   *
   * @param place where the room is, for a new account (or one the backfill has not reached yet);
   *     null for a room that has an account already
   */
  static BigDecimal lockAccount(Connection c, long room, RoomSummary place) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            place == null
                ? "INSERT INTO room_account (room_id) VALUES (?) ON CONFLICT (room_id) DO NOTHING"
                : "INSERT INTO room_account (room_id, estate_id, building_id) VALUES (?, ?, ?)"
                    + " ON CONFLICT (room_id) DO UPDATE SET estate_id = EXCLUDED.estate_id,"
                    + " building_id = EXCLUDED.building_id WHERE room_account.estate_id IS NULL")) {
      ps.setLong(1, room);
      if (place != null) {
        ps.setLong(2, place.estateId);
        ps.setLong(3, place.buildingId);
      }
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT prepayment FROM room_account WHERE room_id = ? FOR UPDATE")) {
      ps.setLong(1, room);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  static void setPrepayment(Connection c, long room, BigDecimal balance, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE room_account SET prepayment = ?, updated_at = ? WHERE room_id = ?")) {
      ps.setBigDecimal(1, balance);
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setLong(3, room);
      ps.executeUpdate();
    }
  }

  /**
   * Adds {@code amount} (negative to take back) to a bill's paid amount, keeping status in step.
   */
  static void applyToBill(Connection c, long billId, BigDecimal amount) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bill SET paid = paid + ?, status = CASE WHEN paid + ? = total THEN 'paid'"
                + " ELSE 'open' END WHERE id = ? AND status <> 'cancelled'")) {
      ps.setBigDecimal(1, amount);
      ps.setBigDecimal(2, amount);
      ps.setLong(3, billId);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("bill " + billId + " is cancelled or gone");
      }
    }
  }

  private record OpenBill(long id, String period, BigDecimal total, BigDecimal paid) {
    BigDecimal outstanding() {
      return total.subtract(paid);
    }
  }

  /** The room's open bills, oldest period first, locked until the transaction ends. */
  private static Map<Long, OpenBill> lockOpenBills(Connection c, long room) throws SQLException {
    Map<Long, OpenBill> open = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, period, total, paid FROM bill WHERE room_id = ? AND status = 'open'"
                + " ORDER BY period, id FOR UPDATE")) {
      ps.setLong(1, room);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          open.put(
              rs.getLong(1),
              new OpenBill(
                  rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        }
      }
    }
    return open;
  }

  /**
   * The room, when it exists and is in scope; otherwise null with the error a room that does not
   * exist gets, whichever it is.
   */
  private RoomSummary checkRoom(Long roomId, DataScope scope, FieldErrors errors) {
    if (roomId == null || roomId <= 0) {
      errors.add("roomId", TEXTS.text("room.id-required"));
      return null;
    }
    RoomSummary room =
        estate.room(tenant, roomId).filter(r -> Scopes.covers(scope, r)).orElse(null);
    if (room == null) {
      errors.add("roomId", TEXTS.text("room.missing", roomId));
    }
    return room;
  }

  private static void checkAmount(String field, BigDecimal amount, FieldErrors errors) {
    if (amount == null
        || amount.signum() <= 0
        || amount.compareTo(MAX_AMOUNT) > 0
        || amount.stripTrailingZeros().scale() > 2) {
      errors.add(field, TEXTS.text("payment.amount"));
    }
  }
}
