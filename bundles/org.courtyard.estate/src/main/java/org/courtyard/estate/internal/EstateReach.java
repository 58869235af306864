package org.courtyard.estate.internal;

import java.util.function.BooleanSupplier;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.rest.DataScope;

/**
 * How far a caller's data scope reaches into one estate, for the estate row itself. Every other row
 * (building, unit, room) is simply in scope or not ({@link DataScope#covers}); the estate has a
 * middle ground: a user granted some of its buildings may read it, to find where those buildings
 * are, but may not change it or add buildings to it.
 */
enum EstateReach {
  /** The estate is granted whole, or the whole company is: read, change, add buildings. */
  WHOLE,
  /** Only some of its buildings are granted: the estate may be read, nothing more. */
  THROUGH_BUILDINGS,
  /** Nothing of it is granted: it answers exactly as an estate that does not exist. */
  NONE;

  /**
   * @param holdsBuildingOfIt whether one of the scope's single buildings belongs to the estate; a
   *     query, so asked only when the answer depends on it (never for the whole company)
   */
  static EstateReach of(DataScope scope, long estateId, BooleanSupplier holdsBuildingOfIt) {
    if (scope.covers(estateId, null)) {
      return WHOLE;
    }
    if (!scope.buildings().isEmpty() && holdsBuildingOfIt.getAsBoolean()) {
      return THROUGH_BUILDINGS;
    }
    return NONE;
  }

  boolean readable() {
    return this != NONE;
  }

  /**
   * 403 {@code outside-scope}: the caller sees what they would change but holds the permission in
   * too narrow a scope. Only for objects the caller may see; anything they may not see answers as
   * missing instead, so that nothing about it is disclosed.
   *
   * @param change what would be changed, as a sentence subject: "Changing estate 7"
   * @param needed where the permission must be granted: "the whole estate"
   */
  static ProblemException outsideScope(Text change, Text needed) {
    return org.courtyard.api.Problems.outsideScope(change, needed);
  }
}
