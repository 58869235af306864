package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.courtyard.api.Plates;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;

/**
 * A page of a lot's rows that carry a plate (passages, payments, visitor time and coupons) in the
 * caller's scope, newest first: before a cursor's id, of one lot or all, of one plate (however it
 * was typed) or all, the lot joined as {@code l} for the scope. One query shape for every such
 * list.
 */
final class LotPages {

  /** Reads one row of the page. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private LotPages() {}

  /**
   * @param selectFrom {@code SELECT … FROM <table> <alias> JOIN parking_lot l ON …}
   * @param alias the table's alias, whose {@code id}, {@code lot_id} and {@code plate} filter
   * @param extra a further condition without parameters, or null
   */
  static <T> Page<T> newestFirst(
      Connection c,
      String selectFrom,
      String alias,
      String extra,
      DataScope scope,
      Long lotId,
      String plate,
      long beforeId,
      int limit,
      Row<T> row,
      ToLongFunction<T> id)
      throws SQLException {
    String a = alias + ".";
    String stored = plate == null ? null : Plates.normalize(plate);
    try (PreparedStatement ps =
        c.prepareStatement(
            selectFrom
                + " WHERE (? = 0 OR "
                + a
                + "id < ?) AND (?::bigint IS NULL OR "
                + a
                + "lot_id = ?) AND (?::text IS NULL OR "
                + a
                + "plate = ?)"
                + (extra == null ? "" : " AND " + extra)
                + " AND (? OR l.estate_id = ANY(?)) ORDER BY "
                + a
                + "id DESC LIMIT ?")) {
      int i = 1;
      ps.setLong(i++, beforeId);
      ps.setLong(i++, beforeId);
      Jdbc.setLong(ps, i++, lotId);
      Jdbc.setLong(ps, i++, lotId);
      ps.setString(i++, stored);
      ps.setString(i++, stored);
      ps.setBoolean(i++, scope.isAll());
      ps.setArray(i++, Jdbc.bigints(c, scope.estates()));
      ps.setInt(i, limit + 1);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return Page.byId(rows, limit, id);
    }
  }
}
