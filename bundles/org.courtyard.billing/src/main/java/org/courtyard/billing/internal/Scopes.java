package org.courtyard.billing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.courtyard.api.ProblemException;
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

  private Scopes() {}

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
  static void requireCompany(DataScope scope, String permission, String what) {
    if (!scope.isAll()) {
      throw new ProblemException(
          403,
          "outside-scope",
          "Outside your scope",
          "Changing "
              + what
              + " affects the whole company and needs "
              + permission
              + " granted for the whole company; yours is granted for some estates or buildings"
              + " only.");
    }
  }
}
