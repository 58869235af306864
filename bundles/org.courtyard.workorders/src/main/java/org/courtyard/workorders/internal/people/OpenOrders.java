package org.courtyard.workorders.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.courtyard.api.rest.DataScope;

/**
 * The SQL of "open orders in the caller's scope" that the load and the technicians' list share.
 * {@link #OPEN} repeats the predicate of the partial indexes {@code workorder_open_user_idx} and
 * {@code workorder_open_team_idx} word for word, so the planner can walk them.
 */
final class OpenOrders {

  static final String OPEN = "state in ('dispatched', 'accepted', 'in_progress', 'paused')";

  private OpenOrders() {}

  /**
   * {@code " AND (estate_id = ANY(?) OR building_id = ANY(?))"}, or nothing for the whole company,
   * as {@link DataScope#covers} decides; bind it with {@link #bind}.
   */
  static String and(DataScope scope) {
    return scope.isAll() ? "" : " AND (estate_id = ANY(?) OR building_id = ANY(?))";
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
}
