package org.courtyard.billing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.RoomSummary;

/**
 * A caller's {@link DataScope} in billing's SQL and rules. Rows carry {@code estate_id} and {@code
 * building_id} (bills, meters, room accounts); a row is in a narrow scope when its estate is
 * granted whole or its building is ({@link DataScope#covers}), and a place still null (not yet
 * backfilled) matches no estate and no building. For the whole company the predicate is left out,
 * so that the owner's queries stay as they were.
 */
final class Scopes {

  private static final Texts TEXTS = Texts.of(Scopes.class);

  /** Binds the parameters of a statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Scopes() {}

  /**
   * A keyset page of {@code table} in a narrow scope, ordered by {@code key}: the page of each
   * estate granted whole and of each single building, each read from the table's ({@code
   * estate_id}, key) or ({@code building_id}, key) index in order and cut at {@code limit}, then
   * merged. Written as {@code estate_id BETWEEN p AND p ... ORDER BY estate_id, key} so that the
   * index is the only way to that order: with {@code estate_id = ANY(?) ORDER BY key} PostgreSQL
   * walks the key's own index and skips the other estates' rows, assuming a scope's rows are spread
   * evenly, which they are not (rows are written estate by estate, period by period), and a page
   * then costs as many rows as precede the scope's. The merge keeps each row once (a building
   * granted on its own may lie in an estate granted whole too).
   *
   * <p>Bind with {@link #bindPage}. The whole company's pages do not come here.
   *
   * @param columns the columns selected, plain names of {@code table}
   * @param conditions the page's own conditions: the keyset's {@code key > ?} and any filters
   */
  static String page(String columns, String table, String conditions, String key, int limit) {
    return "SELECT "
        + columns
        + " FROM ("
        + ofEach("estate_id", columns, table, conditions, key, limit)
        + " UNION "
        + ofEach("building_id", columns, table, conditions, key, limit)
        + ") page ORDER BY "
        + key
        + " LIMIT "
        + limit;
  }

  /** The first rows of each place of an array (the parameter) in order of {@code place, key}. */
  private static String ofEach(
      String place, String columns, String table, String conditions, String key, int limit) {
    return "SELECT s.* FROM unnest(?::bigint[]) AS k(place) CROSS JOIN LATERAL (SELECT "
        + columns
        + " FROM "
        + table
        + " WHERE "
        + place
        + " BETWEEN k.place AND k.place AND "
        + conditions
        + " ORDER BY "
        + place
        + ", "
        + key
        + " LIMIT "
        + limit
        + ") s";
  }

  /** Binds a {@link #page}: the estates, the conditions' parameters, the buildings, them again. */
  static void bindPage(Connection c, PreparedStatement ps, DataScope scope, List<Object> params)
      throws SQLException {
    ps.setArray(1, c.createArrayOf("bigint", scope.estateArray()));
    int next = set(ps, 2, params);
    ps.setArray(next, c.createArrayOf("bigint", scope.buildingArray()));
    set(ps, next + 1, params);
  }

  /**
   * Sets {@code params} from {@code index} on.
   *
   * @return the next parameter index
   */
  static int set(PreparedStatement ps, int index, List<Object> params) throws SQLException {
    for (Object p : params) {
      ps.setObject(index++, p);
    }
    return index;
  }

  /**
   * {@code " AND (<alias>estate_id = ANY(?) OR <alias>building_id = ANY(?))"}, or nothing for the
   * whole company; bind it with {@link #bind}.
   *
   * @param alias the table's alias and a dot ({@code "b."}), or empty
   */
  static String and(DataScope scope, String alias) {
    return scope.isAll()
        ? ""
        : " AND (" + alias + "estate_id = ANY(?) OR " + alias + "building_id = ANY(?))";
  }

  /**
   * Binds the arrays of {@link #and} from {@code index} on; nothing for the whole company.
   *
   * @return the next parameter index
   */
  static int bind(Connection c, PreparedStatement ps, int index, DataScope scope)
      throws SQLException {
    if (scope.isAll()) {
      return index;
    }
    ps.setArray(index, c.createArrayOf("bigint", scope.estateArray()));
    ps.setArray(index + 1, c.createArrayOf("bigint", scope.buildingArray()));
    return index + 2;
  }

  /** Whether estate's room is in scope. */
  static boolean covers(DataScope scope, RoomSummary room) {
    return scope.covers(room.estateId, room.buildingId);
  }

  /** The rooms in scope, in their order; the same list for the whole company. */
  static List<RoomSummary> covered(DataScope scope, List<RoomSummary> rooms) {
    return scope.isAll() ? rooms : rooms.stream().filter(r -> covers(scope, r)).toList();
  }

  /**
   * 403 {@code outside-scope} for a change to what belongs to the whole company (settings, fee
   * items) by a caller whose permission is granted for some estates or buildings only.
   *
   * @param what what would be changed, e.g. "the billing settings", "fee item 12"
   */
  static void requireCompany(DataScope scope, String permission, Text what) {
    if (!scope.isAll()) {
      throw org.courtyard.api.Problems.outsideScope(
          TEXTS.text("scope.changing", what), TEXTS.text("scope.whole-company", permission));
    }
  }
}
