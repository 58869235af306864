package org.courtyard.workorders.internal;

import java.util.List;
import org.courtyard.api.TenantSlug;
import org.courtyard.residents.ResidentDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ResidentRooms} over the residents module's directory: DS creates it only while that
 * service exists, so the residents package is loaded only when the module is there.
 */
@Component(service = ResidentRooms.class)
public final class ResidentsAdapter implements ResidentRooms {

  private final ResidentDirectory residents;

  @Activate
  public ResidentsAdapter(@Reference ResidentDirectory residents) {
    this.residents = residents;
  }

  @Override
  public List<Long> currentRooms(TenantSlug tenant, long personId) {
    return residents.enabled(tenant) ? residents.currentRooms(tenant, personId) : List.of();
  }

  @Override
  public boolean personExists(TenantSlug tenant, long personId) {
    return residents.enabled(tenant) && residents.person(tenant, personId).isPresent();
  }
}
