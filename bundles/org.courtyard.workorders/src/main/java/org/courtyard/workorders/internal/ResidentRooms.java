package org.courtyard.workorders.internal;

import java.util.List;
import org.courtyard.api.TenantSlug;

/**
 * What work orders ask the residents module: the rooms a resident currently occupies (a resident
 * reports and follows orders about those only). Kept apart from {@code org.courtyard.residents} so
 * that the bundle loads without it ({@link ResidentsAdapter}).
 */
interface ResidentRooms {

  /** The ids of the rooms the person currently occupies, in any role, ascending. */
  List<Long> currentRooms(TenantSlug tenant, long personId);

  /** Whether the tenant has a person with that id. */
  boolean personExists(TenantSlug tenant, long personId);
}
