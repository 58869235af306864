package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.TenantSlug;

/**
 * What billing needs of the residents module, in billing's own types. The residents package is an
 * optional import of this bundle: only {@link ResidentsAdapter} names its classes, and that
 * component is only created while residents' {@code ResidentDirectory} service exists. Every other
 * class, including {@link BillingInstances} that holds this service through an optional dynamic
 * reference, loads and works without residents installed.
 *
 * <p>Every method except {@link #enabled} throws 404 {@code module-not-enabled} when the tenant has
 * not enabled residents.
 */
interface ResidentsPort {

  /** A current occupancy of a room. */
  record Occupancy(long roomId, String role, BigDecimal sharePercent, LocalDate moveIn) {}

  /** A person with their current occupancies, ordered by room id. */
  record Resident(long id, String fullName, List<Occupancy> occupancies) {}

  boolean enabled(TenantSlug tenant);

  /** The person and their current occupancies; empty for an unknown person. */
  Optional<Resident> resident(TenantSlug tenant, long personId);

  /** Current vehicles per room; rooms without any are absent. */
  Map<Long, Integer> vehicleCounts(TenantSlug tenant, Collection<Long> roomIds);
}
