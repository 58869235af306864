package org.courtyard.workorders.internal.attachments;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The caller's way into one order: files are read and added only through an order the caller may
 * see, on the same connection and in the same transaction as the files.
 */
@FunctionalInterface
public interface OrderGate {

  /**
   * Passes when order {@code orderId} is within the caller's reach, having locked its row ({@code
   * SELECT ... FOR UPDATE}) when {@code lock}.
   *
   * @throws org.courtyard.api.ProblemException 404 {@code not-found}, for a missing order and for
   *     one outside reach alike
   */
  void enter(Connection c, long orderId, boolean lock) throws SQLException;
}
