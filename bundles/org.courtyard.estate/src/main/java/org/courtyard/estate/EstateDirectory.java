package org.courtyard.estate;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to a tenant's rooms for other modules. Every method throws a {@code ProblemException}
 * 404 {@code module-not-enabled} when the tenant has not enabled the estate module.
 */
@ProviderType
public interface EstateDirectory {

  Optional<RoomSummary> room(TenantSlug tenant, long roomId);

  /** Rooms with an id greater than {@code afterId}, in id order, at most {@code limit} (≤ 5000). */
  List<RoomSummary> rooms(TenantSlug tenant, long afterId, int limit);

  /**
   * The rooms of {@code roomIds} the tenant has, in id order, in one read; ids it has no room for
   * are left out. At most 5000 ids.
   */
  List<RoomSummary> rooms(TenantSlug tenant, java.util.Collection<Long> roomIds);

  /**
   * The label of each of these rooms the tenant has ({@code SUN/B1/U1/101}), by room id, for lists
   * that show rooms by more than an id: one {@link #rooms(TenantSlug, java.util.Collection)} call
   * per 5000 distinct ids, never one per row; rooms the tenant does not have are absent.
   */
  default java.util.Map<Long, String> labels(
      TenantSlug tenant, java.util.Collection<Long> roomIds) {
    List<Long> ids = roomIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    java.util.Map<Long, String> labels = new java.util.HashMap<>();
    for (int from = 0; from < ids.size(); from += 5000) {
      for (RoomSummary room : rooms(tenant, ids.subList(from, Math.min(ids.size(), from + 5000)))) {
        labels.put(room.id, room.label);
      }
    }
    return labels;
  }

  long roomCount(TenantSlug tenant);

  /** The estate a building belongs to; empty when the tenant has no building with that id. */
  Optional<Long> estateOfBuilding(TenantSlug tenant, long buildingId);

  /** Whether the tenant has an estate with that id. */
  boolean estateExists(TenantSlug tenant, long estateId);
}
