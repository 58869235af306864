package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;

/**
 * The materials of a tenant's estates and their stock: listed and read within the caller's data
 * scope (a material belongs to an estate, so it needs the estate granted whole, as an estate's
 * public area does), created and edited under their version, received (stock in, at a moving
 * average unit cost) and corrected after a stocktake. Every change of the quantity is one statement
 * on the material's row, so it queues behind concurrent uses instead of overwriting them.
 */
public final class Materials {

  private static final Texts TEXTS = Texts.of(Materials.class);

  static final String COLUMNS =
      "id, estate_id, code, name, unit, quantity, unit_cost, active, updated_at, version";

  /** Whether the tenant has an estate with that id. */
  @FunctionalInterface
  public interface EstateCheck {
    boolean exists(long estateId);
  }

  private final Jdbc jdbc;
  private final Clock clock;

  public Materials(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Materials in scope, by id, a page after {@code cursor}; of one estate, matching {@code q} (the
   * start of the code, or words of the name), active or retired only, when given.
   */
  public Page<MaterialView> list(
      DataScope scope, Long estateId, String q, Boolean active, String cursor, int limit) {
    long after = Cursor.decode(cursor);
    return jdbc.read(
        c -> {
          StringBuilder where = new StringBuilder(" WHERE id > ?");
          List<Object> params = new ArrayList<>();
          params.add(after);
          if (!scope.isAll()) {
            where.append(" AND estate_id = ANY(?)");
            params.add(Jdbc.bigints(c, scope.estates()));
          }
          if (estateId != null) {
            where.append(" AND estate_id = ?");
            params.add(estateId);
          }
          if (active != null) {
            where.append(" AND active = ?");
            params.add(active);
          }
          if (q != null) {
            String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" AND (code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\')");
            params.add(like + "%");
            params.add("%" + like + "%");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM workorder_material"
                      + where
                      + " ORDER BY id LIMIT ?")) {
            int i = 1;
            for (Object p : params) {
              ps.setObject(i++, p);
            }
            ps.setInt(i, limit + 1);
            List<MaterialView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(read(rs));
              }
            }
            return Page.byId(rows, limit, MaterialView::id);
          }
        });
  }

  /**
   * @throws org.courtyard.api.ProblemException 404 outside the scope, as a missing one
   */
  public MaterialView get(long id, DataScope scope) {
    return jdbc.read(c -> find(c, id, scope, false));
  }

  /**
   * A new material of an estate in the caller's scope, with nothing in stock.
   *
   * @throws org.courtyard.api.ProblemException 422 naming the wrong fields, 403 {@code
   *     outside-scope} for an estate the caller's grant does not cover whole, 422 {@code
   *     unknown-estate}, 409 {@code duplicate} for a code the estate has
   */
  public MaterialView create(MaterialInput in, DataScope scope, EstateCheck estates) {
    StockRules.Material m = StockRules.check(in, false);
    if (!scope.covers(m.estateId(), null)) {
      throw Problems.outsideScope(
          TEXTS.text("material.scope-change"), TEXTS.text("material.scope-needed"));
    }
    if (!estates.exists(m.estateId())) {
      throw TEXTS.problem(422, "unknown-estate", "material.unknown-estate", m.estateId());
    }
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_material (estate_id, code, name, unit, unit_cost, active,"
                      + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT ON CONSTRAINT workorder_material_code_uq DO NOTHING"
                      + " RETURNING "
                      + COLUMNS)) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setLong(1, m.estateId());
            ps.setString(2, m.code());
            ps.setString(3, m.name());
            ps.setString(4, m.unit());
            ps.setBigDecimal(5, m.unitCost());
            ps.setBoolean(6, m.active());
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.duplicate(TEXTS.text("material.duplicate", m.code(), m.estateId()));
              }
              return read(rs);
            }
          }
        });
  }

  /**
   * Changes the code, name, unit and whether it is in use; the estate, quantity and unit cost stay
   * (movements change those).
   *
   * @throws org.courtyard.api.ProblemException 404, 422, 409 {@code stale-version} or {@code
   *     duplicate}
   */
  public MaterialView update(long id, MaterialInput in, DataScope scope) {
    StockRules.Material m = StockRules.check(in, true);
    return jdbc.transaction(
        c -> {
          MaterialView current = find(c, id, scope, true);
          if (m.estateId() != null && m.estateId() != current.estateId()) {
            FieldErrors errors = new FieldErrors();
            errors.add("estateId", TEXTS.text("material.estate-fixed", current.estateId()));
            errors.throwIfAny();
          }
          if (in.version() != current.version()) {
            throw Problems.staleVersion(
                TEXTS.text("label.material"), id, current.version(), in.version());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_material SET code = ?, name = ?, unit = ?, active = ?,"
                      + " updated_at = ?, version = version + 1 WHERE id = ? RETURNING "
                      + COLUMNS)) {
            ps.setString(1, m.code());
            ps.setString(2, m.name());
            ps.setString(3, m.unit());
            ps.setBoolean(4, m.active());
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setLong(6, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return read(rs);
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw Problems.duplicate(
                  TEXTS.text("material.duplicate", m.code(), current.estateId()));
            }
            throw e;
          }
        });
  }

  /**
   * Stock in: the quantity grows, and the unit cost becomes the moving average of what was in stock
   * and what came, to the fen ({@code (q * cost + rq * rcost) / (q + rq)}); the receipt's own cost
   * when the stock was empty.
   *
   * @param actorId the staff user receiving it; -1 for the owner token or an API key
   * @throws org.courtyard.api.ProblemException 404, 422 naming the wrong fields, 409 {@code
   *     material-inactive}, 422 {@code stock-overflow}
   */
  public MovementView receive(long id, MovementInput in, DataScope scope, long actorId) {
    StockRules.Movement r = StockRules.receipt(in);
    return jdbc.transaction(
        c -> {
          MaterialView m = find(c, id, scope, false);
          if (!m.active()) {
            throw TEXTS.problem(409, "material-inactive", "stock.inactive", m.code(), m.name());
          }
          BigDecimal balance;
          BigDecimal average;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_material SET unit_cost = CASE WHEN quantity = 0 THEN ?"
                      + " ELSE round((quantity * unit_cost + ? * ?) / (quantity + ?), 2) END,"
                      + " quantity = quantity + ?, updated_at = ? WHERE id = ?"
                      + " RETURNING quantity, unit_cost")) {
            ps.setBigDecimal(1, r.unitCost());
            ps.setBigDecimal(2, r.quantity());
            ps.setBigDecimal(3, r.unitCost());
            ps.setBigDecimal(4, r.quantity());
            ps.setBigDecimal(5, r.quantity());
            Timestamp now = Timestamp.from(clock.instant());
            ps.setTimestamp(6, now);
            ps.setLong(7, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              balance = rs.getBigDecimal(1);
              average = rs.getBigDecimal(2);
            }
          } catch (SQLException e) {
            throw overflow(e, m);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_material_receipt (material_id, quantity, unit_cost,"
                      + " user_id, at, note, balance_after, unit_cost_after)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, at")) {
            ps.setLong(1, id);
            ps.setBigDecimal(2, r.quantity());
            ps.setBigDecimal(3, r.unitCost());
            ps.setLong(4, actorId);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setString(6, r.note());
            ps.setBigDecimal(7, balance);
            ps.setBigDecimal(8, average);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new MovementView(
                  rs.getLong(1),
                  "receipt",
                  id,
                  Jdbc.instant(rs.getTimestamp(2)),
                  r.quantity().setScale(3),
                  r.unitCost().setScale(2),
                  balance,
                  average,
                  null,
                  null,
                  null,
                  "staff",
                  actorId,
                  r.note());
            }
          }
        });
  }

  /**
   * A stocktake's correction: the stock grows or shrinks by the quantity, never below zero; the
   * unit cost stays. Allowed for a retired material too, to write off what is left of it.
   *
   * @throws org.courtyard.api.ProblemException 404, 422 naming the wrong fields, 409 {@code
   *     insufficient-stock} when less is in stock than the correction takes away
   */
  public MovementView adjust(long id, MovementInput in, DataScope scope, long actorId) {
    StockRules.Movement a = StockRules.adjustment(in);
    return jdbc.transaction(
        c -> {
          MaterialView m = find(c, id, scope, false);
          BigDecimal balance;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_material SET quantity = quantity + ?, updated_at = ?"
                      + " WHERE id = ? AND quantity + ? >= 0 RETURNING quantity")) {
            ps.setBigDecimal(1, a.quantity());
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setLong(3, id);
            ps.setBigDecimal(4, a.quantity());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw insufficient(c, m, a.quantity().negate());
              }
              balance = rs.getBigDecimal(1);
            }
          } catch (SQLException e) {
            throw overflow(e, m);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_material_adjustment (material_id, quantity, user_id, at,"
                      + " note, balance_after) VALUES (?, ?, ?, ?, ?, ?) RETURNING id, at")) {
            ps.setLong(1, id);
            ps.setBigDecimal(2, a.quantity());
            ps.setLong(3, actorId);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setString(5, a.note());
            ps.setBigDecimal(6, balance);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new MovementView(
                  rs.getLong(1),
                  "adjustment",
                  id,
                  Jdbc.instant(rs.getTimestamp(2)),
                  a.quantity().setScale(3),
                  null,
                  balance,
                  null,
                  null,
                  null,
                  null,
                  "staff",
                  actorId,
                  a.note());
            }
          }
        });
  }

  /**
   * The material's receipts, adjustments, uses and returns, newest first, a page after {@code
   * cursor}.
   *
   * @throws org.courtyard.api.ProblemException 404 outside the scope
   */
  public Page<MovementView> movements(long id, DataScope scope, String cursor, int limit) {
    long before = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : Cursor.decode(cursor);
    return jdbc.read(
        c -> {
          find(c, id, scope, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, 'receipt' AS kind, at, quantity, unit_cost, balance_after,"
                      + " unit_cost_after, NULL::bigint AS order_id, NULL AS number,"
                      + " NULL::bigint AS returns_use_id, 'staff' AS actor_kind, user_id, note"
                      + " FROM workorder_material_receipt WHERE material_id = ? AND id < ?"
                      + " UNION ALL"
                      + " SELECT id, 'adjustment', at, quantity, NULL, balance_after, NULL, NULL,"
                      + " NULL, NULL, 'staff', user_id, note"
                      + " FROM workorder_material_adjustment WHERE material_id = ? AND id < ?"
                      + " UNION ALL"
                      + " SELECT u.id, u.kind, u.at,"
                      + " CASE WHEN u.kind = 'use' THEN -u.quantity ELSE u.quantity END,"
                      + " u.unit_cost, u.balance_after, NULL, u.order_id, o.number,"
                      + " u.returns_use_id, u.actor_kind, u.actor_id, u.note"
                      + " FROM workorder_material_use u JOIN workorder o ON o.id = u.order_id"
                      + " WHERE u.material_id = ? AND u.id < ?"
                      + " ORDER BY id DESC LIMIT ?")) {
            for (int i = 0; i < 3; i++) {
              ps.setLong(2 * i + 1, id);
              ps.setLong(2 * i + 2, before);
            }
            ps.setInt(7, limit + 1);
            List<MovementView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new MovementView(
                        rs.getLong(1),
                        rs.getString(2),
                        id,
                        Jdbc.instant(rs.getTimestamp(3)),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        Jdbc.getLong(rs, "order_id"),
                        rs.getString(9),
                        Jdbc.getLong(rs, "returns_use_id"),
                        rs.getString(11),
                        rs.getLong(12),
                        rs.getString(13)));
              }
            }
            return Page.byId(rows, limit, MovementView::id);
          }
        });
  }

  /** The material within scope; 404 {@code not-found} otherwise. */
  static MaterialView find(Connection c, long id, DataScope scope, boolean lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM workorder_material WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          MaterialView m = read(rs);
          if (scope.covers(m.estateId(), null)) {
            return m;
          }
        }
        throw Problems.notFound(TEXTS.text("label.material"), id);
      }
    }
  }

  /**
   * 409 {@code insufficient-stock}: less is in stock than {@code asked}; names what is left (read
   * now, after the refused update).
   */
  static ProblemException insufficient(Connection c, MaterialView m, BigDecimal asked)
      throws SQLException {
    BigDecimal left;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT quantity FROM workorder_material WHERE id = ?")) {
      ps.setLong(1, m.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        left = rs.getBigDecimal(1);
      }
    }
    return TEXTS.problem(
        409,
        "insufficient-stock",
        Map.of(
            "materialId", m.id(),
            "available", left,
            "requested", asked.setScale(3),
            "unit", m.unit()),
        "stock.insufficient",
        m.code(),
        m.name(),
        left.stripTrailingZeros().toPlainString(),
        m.unit(),
        asked.stripTrailingZeros().toPlainString());
  }

  /**
   * A failed change of the stock as the caller should see it: 422 {@code stock-overflow} for a
   * quantity past numeric(12,3), any other failure as it was.
   */
  static SQLException overflow(SQLException e, MaterialView m) {
    if ("22003".equals(e.getSQLState())) {
      throw TEXTS.problem(
          422,
          "stock-overflow",
          "stock.overflow",
          m.code(),
          StockRules.QUANTITY_MAX.toPlainString());
    }
    return e;
  }

  static MaterialView read(ResultSet rs) throws SQLException {
    return new MaterialView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        rs.getBoolean(8),
        Jdbc.instant(rs.getTimestamp(9)),
        rs.getInt(10));
  }
}
