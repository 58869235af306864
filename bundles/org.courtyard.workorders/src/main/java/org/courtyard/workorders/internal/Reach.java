package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;

/**
 * The orders a caller may see: staff those of the estates and buildings of their data scope for the
 * operation (an estate's public area only with the whole estate), a resident the orders they
 * reported. Outside it an order answers 404, as a missing one.
 */
record Reach(DataScope scope, Long personId) {

  static Reach staff(DataScope scope) {
    return new Reach(scope, null);
  }

  static Reach resident(long personId) {
    return new Reach(DataScope.NONE, personId);
  }

  boolean resident() {
    return personId != null;
  }

  /** Whether the order is within reach. */
  boolean reaches(OrderRow o) {
    if (resident()) {
      return personId.equals(o.reporterPersonId());
    }
    return scope.covers(o.estateId(), o.buildingId());
  }

  /**
   * The SQL condition on {@code workorder} (aliased {@code alias}) and its parameters, appended to
   * {@code where} and {@code params}.
   */
  void restrict(String alias, StringBuilder where, List<Object> params, Connection c)
      throws SQLException {
    if (resident()) {
      where.append(" AND ").append(alias).append(".reporter_person_id = ?");
      params.add(personId);
    } else if (!scope.isAll()) {
      where
          .append(" AND (")
          .append(alias)
          .append(".estate_id = ANY(?) OR ")
          .append(alias)
          .append(".building_id = ANY(?))");
      params.add(Jdbc.bigints(c, scope.estates()));
      params.add(Jdbc.bigints(c, scope.buildings()));
    }
  }
}
