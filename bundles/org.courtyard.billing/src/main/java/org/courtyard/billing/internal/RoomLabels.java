package org.courtyard.billing.internal;

import java.util.Collection;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;

/**
 * The labels of a page's rooms, asked of estate for the whole page at once ({@link
 * EstateDirectory#labels}).
 */
final class RoomLabels {

  private final TenantSlug tenant;
  private final EstateDirectory estate;

  RoomLabels(TenantSlug tenant, EstateDirectory estate) {
    this.tenant = tenant;
    this.estate = estate;
  }

  /** The label of each of these rooms estate has, by room id; rooms it does not have are absent. */
  Map<Long, String> of(Collection<Long> roomIds) {
    return estate.labels(tenant, roomIds);
  }
}
