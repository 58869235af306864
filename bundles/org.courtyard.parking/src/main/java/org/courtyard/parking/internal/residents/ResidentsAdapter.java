package org.courtyard.parking.internal.residents;

import java.util.LinkedHashSet;
import java.util.Set;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.residents.ResidentDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ResidentEstates} over the residents module's directory and the estate module's rooms: DS
 * creates it only while the residents service exists, so the residents package is loaded only when
 * the module is there.
 */
@Component(service = ResidentEstates.class)
public final class ResidentsAdapter implements ResidentEstates {

  private final ResidentDirectory residents;
  private final EstateDirectory estate;

  @Activate
  public ResidentsAdapter(
      @Reference ResidentDirectory residents, @Reference EstateDirectory estate) {
    this.residents = residents;
    this.estate = estate;
  }

  @Override
  public Set<Long> estatesOf(TenantSlug tenant, long personId) {
    Set<Long> estates = new LinkedHashSet<>();
    if (!residents.enabled(tenant)) {
      return estates;
    }
    for (long room : residents.currentRooms(tenant, personId)) {
      estate.room(tenant, room).ifPresent(r -> estates.add(r.estateId));
    }
    return estates;
  }
}
