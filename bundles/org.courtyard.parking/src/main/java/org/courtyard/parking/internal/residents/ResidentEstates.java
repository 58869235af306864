package org.courtyard.parking.internal.residents;

import java.util.Set;
import org.courtyard.api.TenantSlug;

/**
 * Where a resident lives, for their visitors' time: the estates of the rooms they occupy now, while
 * the residents bundle is installed ({@link ResidentsAdapter}). Parking holds it through an
 * optional dynamic reference; without it no resident lives anywhere.
 */
public interface ResidentEstates {

  /** The estates of the rooms the person occupies now; empty for none. */
  Set<Long> estatesOf(TenantSlug tenant, long personId);
}
