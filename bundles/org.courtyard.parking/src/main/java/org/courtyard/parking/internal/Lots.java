package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.parking.internal.dto.LotInput;
import org.courtyard.parking.internal.dto.LotView;

/**
 * A tenant's parking lots. A lot belongs to an estate, checked through the estate module's {@link
 * EstateDirectory}; a caller sees and changes the lots of the estates in their data scope only, and
 * a lot outside it answers 404 as one that does not exist.
 */
final class Lots {

  private static final Texts TEXTS = Texts.of(Lots.class);
  static final Text LOT = TEXTS.text("label.lot");

  private static final String COLUMNS =
      "l.id, l.estate_id, l.code, l.name, l.location, l.levels, l.temporary_spaces,"
          + " (SELECT count(*) FROM parking_space s WHERE s.lot_id = l.id), l.created_at,"
          + " l.updated_at, l.version";

  private final Jdbc jdbc;
  private final TenantSlug tenant;
  private final EstateDirectory estate;

  Lots(Jdbc jdbc, TenantSlug tenant, EstateDirectory estate) {
    this.jdbc = jdbc;
    this.tenant = tenant;
    this.estate = estate;
  }

  Page<LotView> list(DataScope scope, Long estateId, long afterId, int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM parking_lot l WHERE l.id > ? AND (?::bigint IS NULL OR l.estate_id"
                      + " = ?) AND (? OR l.estate_id = ANY(?)) ORDER BY l.id LIMIT ?")) {
            ps.setLong(1, afterId);
            Jdbc.setLong(ps, 2, estateId);
            Jdbc.setLong(ps, 3, estateId);
            ps.setBoolean(4, scope.isAll());
            ps.setArray(5, Jdbc.bigints(c, scope.estates()));
            ps.setInt(6, limit + 1);
            List<LotView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
            return Page.byId(rows, limit, LotView::id);
          }
        });
  }

  LotView get(DataScope scope, long id) {
    return jdbc.read(c -> find(c, scope, id, false));
  }

  LotView create(DataScope scope, LotInput input) {
    ParkingRules.Lot v = ParkingRules.lot(input, true);
    if (!scope.covers(v.estateId(), null)) {
      throw Problems.outsideScope(TEXTS.text("lot.scope-change"), TEXTS.text("lot.scope-needed"));
    }
    if (!estate.estateExists(tenant, v.estateId())) {
      throw TEXTS.problem(422, "unknown-estate", "lot.unknown-estate", v.estateId());
    }
    return jdbc.transaction(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO parking_lot (estate_id, code, name, location, levels,"
                      + " temporary_spaces) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (code) DO NOTHING RETURNING id")) {
            ps.setLong(1, v.estateId());
            ps.setString(2, v.code());
            ps.setString(3, v.name());
            ps.setString(4, v.location());
            ps.setInt(5, v.levels());
            ps.setInt(6, v.temporary());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.duplicate(TEXTS.text("lot.duplicate-code", v.code()));
              }
              id = rs.getLong(1);
            }
          }
          return find(c, scope, id, false);
        });
  }

  LotView update(DataScope scope, long id, LotInput input) {
    ParkingRules.Lot v = ParkingRules.lot(input, false);
    return jdbc.transaction(
        c -> {
          LotView lot = find(c, scope, id, true);
          if (lot.version() != input.version()) {
            throw Problems.staleVersion(LOT, id, lot.version(), input.version());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_lot SET code = ?, name = ?, location = ?, levels = ?,"
                      + " temporary_spaces = ?, updated_at = now(), version = version + 1"
                      + " WHERE id = ?")) {
            ps.setString(1, v.code());
            ps.setString(2, v.name());
            ps.setString(3, v.location());
            ps.setInt(4, v.levels());
            ps.setInt(5, v.temporary());
            ps.setLong(6, id);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw Problems.duplicate(TEXTS.text("lot.duplicate-code", v.code()));
            }
            throw e;
          }
          return find(c, scope, id, false);
        });
  }

  /**
   * The lot {@code id} within {@code scope}, locked against change when {@code lock}.
   *
   * @throws org.courtyard.api.ProblemException 404 when there is none the caller may see
   */
  LotView find(Connection c, DataScope scope, long id, boolean lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM parking_lot l WHERE l.id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(LOT, id);
        }
        LotView lot = view(rs);
        if (!scope.covers(lot.estateId(), null)) {
          throw Problems.notFound(LOT, id);
        }
        return lot;
      }
    }
  }

  private static LotView view(ResultSet rs) throws SQLException {
    return new LotView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getLong(8),
        rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10).toInstant(),
        rs.getInt(11));
  }
}
