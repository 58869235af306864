package org.courtyard.billing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * The labels estate gives a page's rooms ({@code GV/B1/U1/1801}), for lists that show rooms by more
 * than an id: one call to estate's {@link EstateDirectory#rooms(TenantSlug, Collection)} for the
 * page's room ids (one more per 5000), never one per row.
 */
final class RoomLabels {

  /** Rooms one call may ask for: the directory answers at most 5000. */
  static final int BATCH = 5000;

  private final TenantSlug tenant;
  private final EstateDirectory estate;

  RoomLabels(TenantSlug tenant, EstateDirectory estate) {
    this.tenant = tenant;
    this.estate = estate;
  }

  /** The label of each of these rooms estate has, by room id; rooms it does not have are absent. */
  Map<Long, String> of(Collection<Long> roomIds) {
    List<Long> ids = roomIds.stream().filter(Objects::nonNull).distinct().toList();
    Map<Long, String> labels = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      for (RoomSummary room :
          estate.rooms(tenant, ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
        labels.put(room.id, room.label);
      }
    }
    return labels;
  }
}
