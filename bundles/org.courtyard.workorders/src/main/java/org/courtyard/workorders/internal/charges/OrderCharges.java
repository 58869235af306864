package org.courtyard.workorders.internal.charges;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.dto.ChargeView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charges of one tenant's paid repairs. A charge is written in the transaction of the step that
 * completes the order (so a completed paid repair always has its charge, and a refused step none),
 * then posted to billing after that commit under the reference {@code order-<id>-<seq>}, which
 * billing keeps unique: a post that failed or whose answer was lost is simply posted again by the
 * next sweep. Cancelling the order marks its charges for voiding the same way.
 */
public final class OrderCharges {

  private static final Logger LOG = LoggerFactory.getLogger(OrderCharges.class);
  private static final Texts TEXTS = Texts.of(OrderCharges.class);

  /** Charges settled per sweep at most, per tenant. */
  static final int BATCH = 200;

  private final Jdbc jdbc;
  private final Clock clock;

  public OrderCharges(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Billing's reference of a charge. */
  public static String reference(long orderId, int seq) {
    return "order-" + orderId + "-" + seq;
  }

  /**
   * Checks and records the charge a completing step names, inside the step's transaction. A paid
   * category's order of a room needs one, within the category's price range, unless it holds one
   * already (a reopened order completed again); a free category's order, or a public area's, takes
   * none.
   *
   * @throws ProblemException 422 {@code validation-failed} on field {@code charge}
   */
  public void onComplete(
      Connection c, long orderId, Long roomId, long categoryId, BigDecimal charge, Long userId)
      throws SQLException {
    boolean paid;
    BigDecimal min;
    BigDecimal max;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT paid, price_min, price_max FROM workorder_category WHERE id = ?")) {
      ps.setLong(1, categoryId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        paid = rs.getBoolean(1);
        min = rs.getBigDecimal(2);
        max = rs.getBigDecimal(3);
      }
    }
    if (!paid || roomId == null) {
      if (charge != null) {
        throw invalid(paid ? TEXTS.text("charge.no-room") : TEXTS.text("charge.free"));
      }
      return;
    }
    boolean held;
    int next;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(bool_or(state IN ('pending', 'posted', 'void_refused')), false),"
                + " COALESCE(MAX(seq) + 1, 0) FROM workorder_charge WHERE order_id = ?")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        held = rs.getBoolean(1);
        next = rs.getInt(2);
      }
    }
    if (held) {
      if (charge != null) {
        throw invalid(TEXTS.text("charge.held"));
      }
      return;
    }
    if (charge == null) {
      throw invalid(TEXTS.text("charge.required", min.toPlainString(), max.toPlainString()));
    }
    if (charge.stripTrailingZeros().scale() > 2
        || charge.compareTo(min) < 0
        || charge.compareTo(max) > 0
        || charge.signum() <= 0) {
      throw invalid(TEXTS.text("charge.range", min.toPlainString(), max.toPlainString()));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO workorder_charge (order_id, seq, room_id, amount, created_by,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      Timestamp now = Timestamp.from(clock.instant());
      ps.setLong(1, orderId);
      ps.setInt(2, next);
      ps.setLong(3, roomId);
      ps.setBigDecimal(4, charge.setScale(2));
      Jdbc.setLong(ps, 5, userId);
      ps.setTimestamp(6, now);
      ps.setTimestamp(7, now);
      ps.executeUpdate();
    }
  }

  /** Marks the order's charges for voiding, inside the cancelling step's transaction. */
  public void onCancel(Connection c, long orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE workorder_charge SET state = 'void_pending', updated_at = ?"
                + " WHERE order_id = ? AND state IN ('pending', 'posted')")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setLong(2, orderId);
      ps.executeUpdate();
    }
  }

  /**
   * Posts and voids in billing what waits for it: one order's charges, or (orderId null) up to
   * {@link #BATCH} of the tenant's. Stops at the first failure that is not billing's answer about
   * one charge (billing away, the database down): those rows stay as they are for the next sweep.
   *
   * @return the charges settled
   */
  public int settle(ChargesPort port, TenantSlug tenant, Long orderId) {
    if (port == null || !port.enabled(tenant)) {
      return 0;
    }
    List<Object[]> due =
        jdbc.read(
            c -> {
              List<Object[]> rows = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT order_id, seq, room_id, amount, state FROM workorder_charge"
                          + " WHERE state IN ('pending', 'void_pending')"
                          + (orderId == null ? "" : " AND order_id = ?")
                          + " ORDER BY order_id, seq LIMIT "
                          + BATCH)) {
                if (orderId != null) {
                  ps.setLong(1, orderId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    rows.add(
                        new Object[] {
                          rs.getLong(1),
                          rs.getInt(2),
                          rs.getLong(3),
                          rs.getBigDecimal(4),
                          rs.getString(5)
                        });
                  }
                }
              }
              return rows;
            });
    int settled = 0;
    for (Object[] r : due) {
      long order = (Long) r[0];
      int seq = (Integer) r[1];
      String reference = reference(order, seq);
      boolean post = "pending".equals(r[4]);
      try {
        if (post) {
          ChargesPort.Billed billed = port.post(tenant, reference, (Long) r[2], (BigDecimal) r[3]);
          posted(order, seq, billed);
        } else {
          port.cancel(tenant, reference);
          update(order, seq, "void_pending", "voided", null);
        }
        settled++;
      } catch (ProblemException e) {
        if (e.status() >= 500 || "module-not-enabled".equals(e.type())) {
          LOG.info("Tenant {}: charge {} waits for billing: {}", tenant, reference, e.detail());
          break;
        }
        // billing refused this charge for good (a paid bill is not voided, a room that is gone
        // takes no bill): the row says why and leaves the queue until staff put it back
        update(order, seq, r[4].toString(), post ? "refused" : "void_refused", e.detail());
        settled++;
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: charge {} waits for billing", tenant, reference, e);
        break;
      }
    }
    return settled;
  }

  /**
   * Records billing's answer to a post. A cancel may have overtaken the post while billing worked
   * on it (the order reopened and cancelled, and the void found no bill yet): a charge no longer
   * pending whose bill is live goes back to void_pending, so the bill the late post made is voided
   * too.
   */
  private void posted(long order, int seq, ChargesPort.Billed billed) {
    boolean live = !"cancelled".equals(billed.status());
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_charge SET bill_id = ?, note = NULL, updated_at = ?,"
                      + " state = CASE WHEN state = 'pending' THEN 'posted'"
                      + " WHEN state = 'voided' AND ? THEN 'void_pending' ELSE state END"
                      + " WHERE order_id = ? AND seq = ?"
                      + " AND state IN ('pending', 'void_pending', 'voided')")) {
            ps.setLong(1, billed.billId());
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setBoolean(3, live);
            ps.setLong(4, order);
            ps.setInt(5, seq);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Puts a charge billing refused back in the queue, once its cause is mended: refused is posted
   * again, void_refused voided again (after the payment on it was reversed).
   *
   * @throws ProblemException 404 for an order outside the gate's reach or an unknown charge, 409
   *     {@code charge-not-refused} for a charge billing did not refuse
   */
  public void retry(long orderId, int seq, OrderGate gate, Long userId) {
    jdbc.transaction(
        c -> {
          gate.enter(c, orderId, true);
          String state;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT state FROM workorder_charge WHERE order_id = ? AND seq = ? FOR UPDATE")) {
            ps.setLong(1, orderId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw TEXTS.problem(404, "not-found", "charge.missing", seq, orderId);
              }
              state = rs.getString(1);
            }
          }
          if (!"refused".equals(state) && !"void_refused".equals(state)) {
            throw TEXTS.problem(409, "charge-not-refused", "charge.not-refused", seq, state);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_charge SET state = ?, updated_at = ?"
                      + " WHERE order_id = ? AND seq = ?")) {
            ps.setString(1, "refused".equals(state) ? "pending" : "void_pending");
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setLong(3, orderId);
            ps.setInt(4, seq);
            ps.executeUpdate();
          }
          return null;
        });
    LOG.info("Charge {} of order {} put back in billing's queue by user {}", seq, orderId, userId);
  }

  /**
   * The order's charges, with what billing holds of each posted one.
   *
   * @throws ProblemException 404 for an order outside the gate's reach
   */
  public List<ChargeView> list(long orderId, OrderGate gate, ChargesPort port, TenantSlug tenant) {
    List<ChargeView> rows =
        jdbc.read(
            c -> {
              gate.enter(c, orderId, false);
              List<ChargeView> out = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT seq, amount, state, bill_id, note, created_at FROM workorder_charge"
                          + " WHERE order_id = ? ORDER BY seq")) {
                ps.setLong(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new ChargeView(
                            rs.getInt(1),
                            rs.getBigDecimal(2),
                            rs.getString(3),
                            Jdbc.getLong(rs, "bill_id"),
                            null,
                            null,
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                  }
                }
              }
              return out;
            });
    if (port == null || !port.enabled(tenant)) {
      return rows;
    }
    List<ChargeView> seen = new ArrayList<>(rows.size());
    for (ChargeView v : rows) {
      Optional<ChargesPort.Billed> billed =
          v.billId() == null ? Optional.empty() : port.find(tenant, reference(orderId, v.seq()));
      seen.add(billed.map(b -> v.withBill(b.paid(), b.status())).orElse(v));
    }
    return seen;
  }

  private void update(long order, int seq, String from, String to, String note) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_charge SET state = ?, note = ?, updated_at = ?"
                      + " WHERE order_id = ? AND seq = ? AND state = ?")) {
            ps.setString(1, to);
            ps.setString(2, note == null ? null : note.substring(0, Math.min(500, note.length())));
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, order);
            ps.setInt(5, seq);
            ps.setString(6, from);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static ProblemException invalid(org.courtyard.api.Text message) {
    FieldErrors errors = new FieldErrors();
    errors.add("charge", message);
    try {
      errors.throwIfAny();
    } catch (ProblemException e) {
      return e;
    }
    throw new IllegalStateException("no field error");
  }
}
