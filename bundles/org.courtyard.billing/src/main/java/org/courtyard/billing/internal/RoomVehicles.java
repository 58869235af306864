package org.courtyard.billing.internal;

import java.util.List;
import java.util.Map;

/**
 * Where a billing run gets the current vehicles of a batch of rooms for its per_vehicle fees. It is
 * asked when the batch is billed, so a residents module disabled meanwhile fails the run with its
 * problem's detail.
 */
@FunctionalInterface
interface RoomVehicles {

  /** Current vehicles per room; rooms without any may be absent. */
  Map<Long, Integer> counts(List<Long> roomIds);
}
