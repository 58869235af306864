package org.courtyard.residents.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * The labels of a page's rooms ({@code TE1/B1/U1/101}), asked of estate's {@link EstateDirectory}
 * for the whole page at once by their ids, never room by room. A room estate no longer has has no
 * label.
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
