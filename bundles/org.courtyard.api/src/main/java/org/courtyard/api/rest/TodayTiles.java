package org.courtyard.api.rest;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's tiles on the property company's Today screen ({@code GET /api/v1/today}), registered
 * as a service: the platform asks every one whose module the caller's tenant has enabled, each on
 * its own with a time limit, so that one failing or slow module leaves the others' tiles on the
 * screen (and is named as missing).
 *
 * <p>Tiles are read on every sign-in's first screen: keep each to a query or two over indexes,
 * never a page-by-page walk, and answer from the tenant's running instance only.
 */
@ConsumerType
public interface TodayTiles {

  /** The module whose tiles these are; asked only for tenants that enabled it. */
  String moduleId();

  /**
   * The tiles {@code caller} may see, each computed in the scope the caller holds its permission in
   * ({@link TenantPrincipal#scopeFor}); a tile whose permission the caller does not hold is left
   * out, not shown empty. The order is the module's: the platform keeps it.
   *
   * @throws RuntimeException anything: the platform logs it and lists the module as missing
   */
  List<TodayTile> tiles(TenantPrincipal caller);
}
