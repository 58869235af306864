package org.courtyard.parking.internal;

import org.courtyard.api.FieldErrors;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.EstateDirectory;

/**
 * The rooms a lease's rent or an owned space's management fee may be billed to: rooms of the
 * tenant's estates that the caller's data scope covers, asked of the estate module.
 */
@FunctionalInterface
interface BilledRooms {

  /** Whether {@code roomId} is a room of the tenant that {@code scope} covers. */
  boolean visible(DataScope scope, long roomId);

  static BilledRooms of(EstateDirectory estate, TenantSlug tenant) {
    return (scope, roomId) ->
        estate.room(tenant, roomId).filter(r -> scope.covers(r.estateId, r.buildingId)).isPresent();
  }

  /**
   * 422 {@code validation-failed} on field {@code roomId} unless it is null or {@link #visible}.
   */
  default void require(DataScope scope, Long roomId) {
    if (roomId != null && !visible(scope, roomId)) {
      FieldErrors errors = new FieldErrors();
      errors.add("roomId", Texts.of(BilledRooms.class).text("rules.billed-room", roomId));
      errors.throwIfAny();
    }
  }
}
