package org.courtyard.workorders.internal.stock;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The work orders within the caller's reach, as the orders' own reads find them: the stock's
 * operations on an order answer 404 exactly where the order's would.
 */
@FunctionalInterface
public interface OrderAccess {

  /**
   * The order, read on {@code c}; locked until the transaction ends when {@code lock}, so that no
   * step (completing, cancelling) slips between the check of its state and the use of material.
   *
   * @throws org.courtyard.api.ProblemException 404 when there is no such order within reach
   */
  StockOrder find(Connection c, long orderId, boolean lock) throws SQLException;
}
