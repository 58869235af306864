package org.courtyard.residents.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the residents module to the platform, which then runs the migrations under {@code
 * db/residents/} for a tenant before creating that tenant's {@link ResidentsTenant}. Occupancies
 * refer to rooms, so the estate module must be enabled first.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + ResidentsModule.ID)
public final class ResidentsModule implements ModuleDescriptor {

  public static final String ID = "residents";

  /** The module whose rooms occupancies refer to. */
  static final String ESTATE = "estate";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Residents and owners";
  }

  @Override
  public String description() {
    return "Owners, residents and their contacts (业主信息管理): who lives in or owns which room since"
        + " when, and their vehicles";
  }

  @Override
  public List<String> requires() {
    return List.of(ESTATE);
  }
}
