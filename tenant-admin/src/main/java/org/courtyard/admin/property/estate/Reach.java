package org.courtyard.admin.property.estate;

import org.courtyard.admin.api.StaffMe;
import org.courtyard.admin.property.PropertySession;

/**
 * Whether the signed-in staff member may do something here: the permission held for the whole
 * company, for the estate, or (for what lies in a building) for that building. The API decides in
 * the end; this keeps the screens from offering what it would refuse.
 */
public final class Reach {

  private Reach() {}

  /** Held for the whole company: what creates a new estate needs. */
  public static boolean companyWide(String permission) {
    return PropertySession.scope(permission).map(StaffMe.Held::companyWide).orElse(false);
  }

  /** Held for the whole company or the estate. */
  public static boolean estate(String permission, long estateId) {
    return PropertySession.scope(permission)
        .map(h -> h.companyWide() || h.estates().contains(estateId))
        .orElse(false);
  }

  /** Held for the whole company, the building's estate or the building. */
  public static boolean building(String permission, long estateId, long buildingId) {
    return PropertySession.scope(permission)
        .map(
            h ->
                h.companyWide()
                    || h.estates().contains(estateId)
                    || h.buildings().contains(buildingId))
        .orElse(false);
  }
}
