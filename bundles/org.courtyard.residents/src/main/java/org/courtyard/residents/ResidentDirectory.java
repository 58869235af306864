package org.courtyard.residents;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to a tenant's residents for other modules. Every method except {@link
 * #enabled(TenantSlug)} throws a {@code ProblemException} 404 {@code module-not-enabled} when the
 * tenant has not enabled the residents module.
 *
 * <p>"Current" means what the residents module lists as current: an occupancy without a move-out
 * date, a vehicle that has not been removed.
 */
@ProviderType
public interface ResidentDirectory {

  /** Most room ids {@link #currentVehicleCounts} reads in one query; larger requests are split. */
  int ROOM_CHUNK = 1000;

  /** Whether the tenant has a running residents instance. */
  boolean enabled(TenantSlug tenant);

  /** The person, or empty when the tenant has no person with that id. */
  Optional<PersonRef> person(TenantSlug tenant, long personId);

  /**
   * The person's current occupancies (owner, occupant, tenant or family), ordered by room id and
   * then occupancy id; empty for a person without any, or for an unknown person.
   */
  List<OccupancyRef> currentOccupancies(TenantSlug tenant, long personId);

  /** The distinct ids of the rooms the person currently occupies in any role, ascending. */
  List<Long> currentRooms(TenantSlug tenant, long personId);

  /**
   * Per room, the number of current vehicles of the persons currently occupying it (in any role). A
   * vehicle is counted once per room, even when its owner holds two roles there; a vehicle whose
   * owner occupies two rooms counts in both. Rooms without vehicles are absent from the answer.
   * Batch-friendly: one query per {@value #ROOM_CHUNK} rooms.
   */
  Map<Long, Integer> currentVehicleCounts(TenantSlug tenant, Collection<Long> roomIds);
}
