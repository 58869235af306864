package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;

/**
 * Material used on work orders, taken from the stock of the order's estate, and given back. Each is
 * one transaction: the order is read within the caller's reach and locked (so that it cannot be
 * completed or cancelled in between), its state checked, and the stock changed in one conditional
 * update ({@code quantity = quantity - q WHERE quantity >= q}): of many concurrent takes, exactly
 * those the stock covers succeed, and a refused one writes nothing.
 */
public final class MaterialUses {

  private static final Texts TEXTS = Texts.of(MaterialUses.class);

  /** Who takes or gives back material: a signed-in staff user, or the company's key (-1). */
  public record Taker(long actorId, boolean staffUser) {}

  private final Jdbc jdbc;
  private final Clock clock;

  public MaterialUses(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Takes material from the stock of the order's estate for the order, at the material's unit cost
   * of this moment. The order's technician is recorded as the technician, anyone else as staff.
   *
   * @throws ProblemException 422 naming the wrong fields; 404 for an order outside reach; 409
   *     {@code wrong-state} unless the order is accepted, in progress or paused; 422 {@code
   *     unknown-material} or {@code material-other-estate}; 409 {@code material-inactive}; 409
   *     {@code insufficient-stock} naming what is left
   */
  public UseView use(long orderId, UseInput in, OrderAccess orders, Taker taker) {
    StockRules.Use u = StockRules.use(in);
    return jdbc.transaction(
        c -> {
          StockOrder o = orders.find(c, orderId, true);
          if (!StockOrder.USE_STATES.contains(o.state())) {
            throw wrongState(o, true);
          }
          MaterialView m = material(c, u.materialId());
          if (m == null) {
            throw TEXTS.problem(422, "unknown-material", "stock.unknown-material", u.materialId());
          }
          if (m.estateId() != o.estateId()) {
            throw TEXTS.problem(
                422,
                "material-other-estate",
                "stock.other-estate",
                m.code(),
                m.estateId(),
                o.number(),
                o.estateId());
          }
          if (!m.active()) {
            throw TEXTS.problem(409, "material-inactive", "stock.inactive", m.code(), m.name());
          }
          BigDecimal balance;
          BigDecimal cost;
          Timestamp now = Timestamp.from(clock.instant());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_material SET quantity = quantity - ?, updated_at = ?"
                      + " WHERE id = ? AND quantity >= ? RETURNING quantity, unit_cost")) {
            ps.setBigDecimal(1, u.quantity());
            ps.setTimestamp(2, now);
            ps.setLong(3, m.id());
            ps.setBigDecimal(4, u.quantity());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Materials.insufficient(c, m, u.quantity());
              }
              balance = rs.getBigDecimal(1);
              cost = rs.getBigDecimal(2);
            }
          }
          boolean technician =
              taker.staffUser() && Long.valueOf(taker.actorId()).equals(o.assigneeUserId());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_material_use (order_id, material_id, kind, quantity,"
                      + " unit_cost, actor_kind, actor_id, at, note, balance_after)"
                      + " VALUES (?, ?, 'use', ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, orderId);
            ps.setLong(2, m.id());
            ps.setBigDecimal(3, u.quantity());
            ps.setBigDecimal(4, cost);
            ps.setString(5, technician ? "technician" : "staff");
            ps.setLong(6, taker.actorId());
            ps.setTimestamp(7, now);
            ps.setString(8, u.note());
            ps.setBigDecimal(9, balance);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              BigDecimal q = u.quantity().setScale(3);
              return new UseView(
                  rs.getLong(1),
                  orderId,
                  m.id(),
                  m.code(),
                  m.name(),
                  m.unit(),
                  q,
                  cost,
                  cost(q, cost),
                  technician ? "technician" : "staff",
                  taker.actorId(),
                  now.toInstant(),
                  u.note(),
                  null);
            }
          }
        });
  }

  /**
   * The material used on the order, oldest first, with what was given back, and the cost of the
   * rest.
   *
   * @throws ProblemException 404 for an order outside reach
   */
  public OrderMaterialsView list(long orderId, OrderAccess orders) {
    return jdbc.read(
        c -> {
          StockOrder o = orders.find(c, orderId, false);
          List<UseView> uses = new ArrayList<>();
          BigDecimal total = BigDecimal.ZERO.setScale(2);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT u.id, u.material_id, m.code, m.name, m.unit, u.quantity, u.unit_cost,"
                      + " u.actor_kind, u.actor_id, u.at, u.note, r.at AS returned_at"
                      + " FROM workorder_material_use u"
                      + " JOIN workorder_material m ON m.id = u.material_id"
                      + " LEFT JOIN workorder_material_use r ON r.returns_use_id = u.id"
                      + " WHERE u.order_id = ? AND u.kind = 'use' ORDER BY u.id")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                BigDecimal q = rs.getBigDecimal(6);
                BigDecimal unitCost = rs.getBigDecimal(7);
                Timestamp returned = rs.getTimestamp(12);
                UseView v =
                    new UseView(
                        rs.getLong(1),
                        orderId,
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        q,
                        unitCost,
                        cost(q, unitCost),
                        rs.getString(8),
                        rs.getLong(9),
                        Jdbc.instant(rs.getTimestamp(10)),
                        rs.getString(11),
                        Jdbc.instant(returned));
                uses.add(v);
                if (returned == null) {
                  total = total.add(v.cost());
                }
              }
            }
          }
          return new OrderMaterialsView(o.id(), o.number(), List.copyOf(uses), total);
        });
  }

  /**
   * Gives unused material back to stock: the whole use, at the cost it was taken at (the moving
   * average takes it back in at that cost), recorded as a return of that use. Take the part really
   * used again when only some of it comes back.
   *
   * @throws ProblemException 404 for an order outside reach or a use not of this order; 409 {@code
   *     wrong-state} once the order is done, closed or cancelled; 409 {@code already-returned}
   */
  public void giveBack(long orderId, long useId, OrderAccess orders, Taker taker) {
    jdbc.transaction(
        c -> {
          StockOrder o = orders.find(c, orderId, true);
          if (!StockOrder.OPEN_STATES.contains(o.state())) {
            throw wrongState(o, false);
          }
          long materialId;
          BigDecimal quantity;
          BigDecimal cost;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT u.material_id, u.quantity, u.unit_cost,"
                      + " EXISTS (SELECT 1 FROM workorder_material_use r"
                      + " WHERE r.returns_use_id = u.id)"
                      + " FROM workorder_material_use u"
                      + " WHERE u.id = ? AND u.order_id = ? AND u.kind = 'use'")) {
            ps.setLong(1, useId);
            ps.setLong(2, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.notFound(TEXTS.text("label.use"), useId);
              }
              if (rs.getBoolean(4)) {
                throw TEXTS.problem(
                    409, "already-returned", "stock.already-returned", useId, o.number());
              }
              materialId = rs.getLong(1);
              quantity = rs.getBigDecimal(2);
              cost = rs.getBigDecimal(3);
            }
          }
          MaterialView m = material(c, materialId);
          BigDecimal balance;
          Timestamp now = Timestamp.from(clock.instant());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_material SET unit_cost = CASE WHEN quantity = 0 THEN ?"
                      + " ELSE round((quantity * unit_cost + ? * ?) / (quantity + ?), 2) END,"
                      + " quantity = quantity + ?, updated_at = ? WHERE id = ?"
                      + " RETURNING quantity")) {
            ps.setBigDecimal(1, cost);
            ps.setBigDecimal(2, quantity);
            ps.setBigDecimal(3, cost);
            ps.setBigDecimal(4, quantity);
            ps.setBigDecimal(5, quantity);
            ps.setTimestamp(6, now);
            ps.setLong(7, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              balance = rs.getBigDecimal(1);
            }
          } catch (SQLException e) {
            throw Materials.overflow(e, m);
          }
          boolean technician =
              taker.staffUser() && Long.valueOf(taker.actorId()).equals(o.assigneeUserId());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_material_use (order_id, material_id, kind, quantity,"
                      + " unit_cost, returns_use_id, actor_kind, actor_id, at, balance_after)"
                      + " VALUES (?, ?, 'return', ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, orderId);
            ps.setLong(2, materialId);
            ps.setBigDecimal(3, quantity);
            ps.setBigDecimal(4, cost);
            ps.setLong(5, useId);
            ps.setString(6, technician ? "technician" : "staff");
            ps.setLong(7, taker.actorId());
            ps.setTimestamp(8, now);
            ps.setBigDecimal(9, balance);
            ps.executeUpdate();
          } catch (SQLException e) {
            // a concurrent return of the same use: the unique constraint refuses the second
            if (Jdbc.isUniqueViolation(e)) {
              throw TEXTS.problem(
                  409, "already-returned", "stock.already-returned", useId, o.number());
            }
            throw e;
          }
          return null;
        });
  }

  /** What {@code quantity} at {@code unitCost} costs, to the fen. */
  static BigDecimal cost(BigDecimal quantity, BigDecimal unitCost) {
    return quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
  }

  /** The material, whatever its estate (the order's estate decides); null when none. */
  private static MaterialView material(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + Materials.COLUMNS + " FROM workorder_material WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Materials.read(rs) : null;
      }
    }
  }

  /**
   * 409 {@code wrong-state}, as the order's own steps refuse: the order's state, and the states the
   * operation is allowed in ({@code allowedStates}).
   *
   * @param use whether material is taken (else given back)
   */
  private static ProblemException wrongState(StockOrder o, boolean use) {
    Map<String, Object> extensions =
        Map.of(
            "state",
            o.state(),
            "allowedStates",
            use ? StockOrder.USE_STATES : StockOrder.OPEN_STATES);
    return use
        ? TEXTS.problem(
            409, "wrong-state", extensions, "stock.use-wrong-state", o.number(), o.state())
        : TEXTS.problem(
            409, "wrong-state", extensions, "stock.return-wrong-state", o.number(), o.state());
  }
}
