package org.courtyard.billing.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.courtyard.residents.ResidentDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers {@link ResidentsPort} while residents' {@link ResidentDirectory} service is there. The
 * reference is mandatory on purpose: without the service, DS never loads this class, which is the
 * only one of the bundle that names the optionally imported {@code org.courtyard.residents}
 * package. When the residents bundle goes, this component goes with it, and {@link
 * BillingInstances}'s optional dynamic reference simply unbinds.
 */
@Component(service = ResidentsPort.class)
public final class ResidentsAdapter implements ResidentsPort {

  private final ResidentDirectory directory;

  @Activate
  public ResidentsAdapter(@Reference(name = "residents") ResidentDirectory directory) {
    this.directory = directory;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return directory.enabled(tenant);
  }

  @Override
  public Optional<Resident> resident(TenantSlug tenant, long personId) {
    return directory
        .person(tenant, personId)
        .map(
            p ->
                new Resident(
                    p.id,
                    p.fullName,
                    directory.currentOccupancies(tenant, personId).stream()
                        .map(o -> new Occupancy(o.roomId, o.role, o.sharePercent, o.moveIn))
                        .toList()));
  }

  @Override
  public Map<Long, Integer> vehicleCounts(TenantSlug tenant, Collection<Long> roomIds) {
    return directory.currentVehicleCounts(tenant, roomIds);
  }
}
