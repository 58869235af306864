package org.courtyard.residents.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jpa.JpaTenantModule;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.residents.internal.entity.Occupancy;
import org.courtyard.residents.internal.entity.Person;
import org.courtyard.residents.internal.entity.Vehicle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The residents module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. {@link JpaTenantModule} opens and probes its storage before
 * the service is registered, so the REST layer can treat "instance present" as "module enabled and
 * ready". It only wires the services: no SQL and no rules here.
 */
@Component(
    name = ResidentsTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: the EntityManagerFactory is built before the service is registered, so "enabled"
    // means ready and the tenant's first request is not the one that pays for it
    immediate = true,
    service = {TenantModule.class, ResidentsTenant.class},
    property = CourtyardConstants.MODULE + "=" + ResidentsModule.ID)
@Designate(ocd = ResidentsTenant.Config.class, factory = true)
public final class ResidentsTenant extends JpaTenantModule implements TenantStatistics {

  /** Factory PID, equal to {@code ResidentsModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + ResidentsModule.ID;

  private static final List<Class<?>> ENTITIES =
      List.of(Person.class, Occupancy.class, Vehicle.class);

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard residents module, per tenant",
      description = "Created by the platform when a tenant enables the residents module.")
  @interface Config {

    @AttributeDefinition(name = "Tenant", description = "Slug of the tenant this instance serves.")
    String tenant();
  }

  private final ResidentsService service;
  private final ResidentsFigures figures;
  private final OccupiedRooms occupiedRooms;

  /** False once the instance stops: the places backfill ends with it. */
  private volatile boolean running = true;

  @Activate
  public ResidentsTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "estate") EstateDirectory estate,
      @Reference(name = "backfill") OccupancyPlacesBackfill backfill) {
    super(
        config.tenant(),
        ResidentsModule.ID,
        persistence,
        ENTITIES,
        "SELECT p.id FROM Person p ORDER BY p.id");
    this.service = new ResidentsService(tenant(), transactions(), estate, Clock.systemUTC());
    this.figures = new ResidentsFigures(transactions());
    this.occupiedRooms = new OccupiedRooms(transactions(), new RoomLabels(tenant(), estate));
    backfill.start(
        new OccupancyPlaces(tenant(), dataSource(), transactions(), estate), () -> running);
  }

  @Deactivate
  void deactivate() {
    running = false;
    close();
  }

  @Override
  public Map<String, Object> statistics() {
    return Map.of(
        "residents",
        transactions()
            .read(
                em ->
                    em.createQuery("SELECT COUNT(p) FROM Person p", Long.class).getSingleResult()));
  }

  /** The tenant's persons, occupancies and vehicles. */
  public ResidentsService service() {
    return service;
  }

  /** The rooms someone currently owns, rents or lives in. */
  OccupiedRooms occupiedRooms() {
    return occupiedRooms;
  }

  /** The counts of the Today screen's tiles. */
  ResidentsFigures figures() {
    return figures;
  }
}
