package org.courtyard.residents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Residents' tiles on the Today screen: the persons the caller may see ({@code
 * residents.person.read}) and the rooms someone currently owns, rents or lives in ({@code
 * residents.occupancy.read}), each in the scope held ({@link ResidentsFigures}). Each links to the
 * list it counts: {@code /residents/persons} and {@code /residents/occupied-rooms}.
 */
@Component(service = TodayTiles.class)
public final class ResidentsTodayTiles implements TodayTiles {

  static final String PERSONS = "residents.person.read";
  static final String OCCUPANCIES = "residents.occupancy.read";

  private final TenantInstances<ResidentsTenant> tenants =
      new TenantInstances<>(ResidentsTenant.class, ResidentsModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(ResidentsTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(ResidentsTenant instance) {
    tenants.unbind(instance);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  @Override
  public String moduleId() {
    return ResidentsModule.ID;
  }

  @Override
  public List<TodayTile> tiles(TenantPrincipal caller) {
    Optional<ResidentScope> persons = scope(caller, PERSONS);
    Optional<ResidentScope> occupancies = scope(caller, OCCUPANCIES);
    if (persons.isEmpty() && occupancies.isEmpty()) {
      return List.of();
    }
    ResidentsFigures.Counts counts =
        tenants.require(caller.tenant()).figures().counts(persons, occupancies);
    List<TodayTile> tiles = new ArrayList<>(2);
    if (counts.persons() != null) {
      tiles.add(
          TodayTile.count(
              "residents.persons",
              PERSONS,
              "Residents and owners",
              "住户及业主",
              counts.persons(),
              "/api/v1/residents/persons"));
    }
    if (counts.occupiedRooms() != null) {
      tiles.add(
          TodayTile.count(
              "residents.occupied-rooms",
              OCCUPANCIES,
              "Rooms lived in or owned",
              "有住户的房间",
              counts.occupiedRooms(),
              "/api/v1/residents/occupied-rooms"));
    }
    return tiles;
  }

  /** The caller's scope for {@code permission} as residents reads it, if the caller holds it. */
  private static Optional<ResidentScope> scope(TenantPrincipal caller, String permission) {
    return caller.scopeFor(permission).map(s -> new ResidentScope(s, ResidentScope.caller(caller)));
  }
}
