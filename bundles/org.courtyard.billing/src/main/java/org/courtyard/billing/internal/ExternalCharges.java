package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.billing.ChargeOrder;
import org.courtyard.billing.RoomCharge;
import org.courtyard.billing.internal.calc.LineAmount;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Charges other modules put on a room ({@link org.courtyard.billing.RoomCharges}): a bill of kind
 * {@code external} with one line, unique per (source, reference) in the database, written with the
 * room's prepayment used as for any new bill; and their voiding, which takes that prepayment use
 * back and cancels the bill by reversing its ledger transaction, as staff would.
 */
final class ExternalCharges {

  private static final Texts TEXTS = Texts.of(ExternalCharges.class);

  private static final String SELECT =
      "SELECT id, room_id, period, total, paid, status FROM bill"
          + " WHERE kind = 'external' AND source = ? AND reference = ?";

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final EstateDirectory estate;
  private final Clock clock;

  ExternalCharges(
      TenantSlug tenant, Jdbc jdbc, Catalog catalog, EstateDirectory estate, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.estate = estate;
    this.clock = clock;
  }

  RoomCharge charge(ChargeOrder order) {
    FieldErrors errors = new FieldErrors();
    if (order == null) {
      throw Errors.missingBody();
    }
    text(errors, "source", order.source(), 32);
    text(errors, "reference", order.reference(), 100);
    text(errors, "feeName", order.feeName(), 100);
    if (order.feeCode() == null || !order.feeCode().matches("[A-Za-z0-9._-]{1,32}")) {
      errors.add("feeCode", TEXTS.text("external.fee-code"));
    }
    BigDecimal amount = order.amount();
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      errors.add("amount", TEXTS.text("external.amount"));
    }
    Optional<RoomSummary> room = estate.room(tenant, order.roomId());
    if (room.isEmpty()) {
      errors.add("roomId", TEXTS.text("room.missing", order.roomId()));
    }
    errors.throwIfAny();
    BigDecimal money = amount.setScale(2);
    Catalog.Settings settings = catalog.settings();
    YearMonth period = Periods.current(clock, settings.zone());
    return jdbc.transaction(
        c -> {
          Optional<RoomCharge> earlier = find(c, order.source(), order.reference(), false);
          if (earlier.isEmpty()) {
            Instant now = clock.instant();
            ModuleItem feeItem =
                feeItem(
                    c, order.feeCode(), order.feeName(), LocalDate.ofInstant(now, settings.zone()));
            BillWriter.NewBill bill =
                new BillWriter.NewBill(
                    order.roomId(),
                    room.get().estateId,
                    room.get().buildingId,
                    List.of(
                        new BillWriter.Line(
                            feeItem.id(),
                            feeItem.code(),
                            order.feeName(),
                            new LineAmount(BigDecimal.ONE, money, 1, 1, 1, money, money))));
            if (BillWriter.writeExternal(
                    c, period, order.source(), order.reference(), settings, bill, now)
                .isPresent()) {
              return find(c, order.source(), order.reference(), true).orElseThrow();
            }
            // another request with this reference committed first: answer what it recorded
            earlier = find(c, order.source(), order.reference(), false);
          }
          RoomCharge found = earlier.orElseThrow();
          if (found.roomId() != order.roomId() || found.amount().compareTo(money) != 0) {
            throw TEXTS.problem(
                409,
                "charge-differs",
                "external.differs",
                order.reference(),
                found.roomId(),
                found.amount().toPlainString());
          }
          return found;
        });
  }

  Optional<RoomCharge> find(String source, String reference) {
    return jdbc.read(c -> find(c, source, reference, false));
  }

  Optional<RoomCharge> cancel(String source, String reference) {
    return jdbc.transaction(
        c -> {
          Optional<RoomCharge> charge = find(c, source, reference, false);
          if (charge.isEmpty() || "cancelled".equals(charge.get().status())) {
            return charge;
          }
          long billId = charge.get().billId();
          // the room's account first, as payments lock it, then the bill
          Payments.lockAccount(c, charge.get().roomId(), null);
          UUID billTx;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT tx_id, status FROM bill WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, billId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if ("cancelled".equals(rs.getString(2))) {
                return find(c, source, reference, false);
              }
              billTx = (UUID) rs.getObject(1);
            }
          }
          List<UUID> prepaymentUses = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT source, tx_id, amount FROM allocation"
                      + " WHERE bill_id = ? AND reversed_at IS NULL ORDER BY id")) {
            ps.setLong(1, billId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if ("payment".equals(rs.getString(1))) {
                  throw TEXTS.problem(
                      409,
                      "charge-paid",
                      "external.paid",
                      reference,
                      billId,
                      charge.get().paid().toPlainString());
                }
                UUID tx = (UUID) rs.getObject(2);
                if (!prepaymentUses.contains(tx)) {
                  prepaymentUses.add(tx);
                }
              }
            }
          }
          Instant now = clock.instant();
          for (UUID tx : prepaymentUses) {
            Reversals.reverseIn(c, tx, null, now);
          }
          Reversals.reverseIn(c, billTx, null, now);
          return find(c, source, reference, false);
        });
  }

  private static Optional<RoomCharge> find(
      Connection c, String source, String reference, boolean created) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, source);
      ps.setString(2, reference);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new RoomCharge(
                rs.getLong("id"),
                rs.getLong("room_id"),
                rs.getString("period"),
                rs.getBigDecimal("total"),
                rs.getBigDecimal("paid"),
                rs.getString("status"),
                created));
      }
    }
  }

  /** A module's fee item: its id and the code its lines and income are booked under. */
  record ModuleItem(long id, String code) {}

  /**
   * What a code of a module's is told apart by when the tenant's own periodic item holds the code.
   */
  static final String ONE_OFF_SUFFIX = ".ONE-OFF";

  /**
   * The one-off fee item a module's charges or income of {@code code} go on, created with no price
   * of its own if missing. When the tenant has a periodic item (area or fixed) of that code, say
   * its own monthly REPAIR fund, the module's money is kept apart from it on the item {@code
   * <code>.ONE-OFF}: its bills' lines, income account and reports never mix with the periodic
   * item's, and the runs never bill the periodic item to a room because a module used its code.
   */
  static ModuleItem feeItem(Connection c, String code, String name, LocalDate today)
      throws SQLException {
    ModuleItem item = item(c, code, name, today);
    if (item != null) {
      return item;
    }
    String own = code.substring(0, Math.min(code.length(), 32 - ONE_OFF_SUFFIX.length()));
    item = item(c, own + ONE_OFF_SUFFIX, name, today);
    if (item == null) {
      throw new IllegalStateException(
          "fee items " + code + " and " + own + ONE_OFF_SUFFIX + " are both periodic");
    }
    return item;
  }

  /** The one-off item of {@code code}, made if missing; null when the code is a periodic item's. */
  private static ModuleItem item(Connection c, String code, String name, LocalDate today)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fee_item (code, name, kind, unit_price, effective_from)"
                + " VALUES (?, ?, 'one_off', 0, ?) ON CONFLICT (code) DO NOTHING")) {
      ps.setString(1, code);
      ps.setString(2, name.strip());
      ps.setDate(3, Date.valueOf(today));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, kind FROM fee_item WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return "one_off".equals(rs.getString(2)) ? new ModuleItem(rs.getLong(1), code) : null;
      }
    }
  }

  static void text(FieldErrors errors, String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      errors.add(field, TEXTS.text("external.text", max));
    }
  }
}
