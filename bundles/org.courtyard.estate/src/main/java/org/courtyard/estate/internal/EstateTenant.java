package org.courtyard.estate.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jpa.JpaTenantModule;
import org.courtyard.estate.RoomReferences;
import org.courtyard.estate.internal.entity.Building;
import org.courtyard.estate.internal.entity.Estate;
import org.courtyard.estate.internal.entity.Room;
import org.courtyard.estate.internal.entity.Unit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The estate module of one tenant: one instance per factory configuration the platform creates when
 * the tenant enables the module. {@link JpaTenantModule} opens and probes its storage before the
 * service is registered, so the REST layer can treat "instance present" as "module enabled and
 * ready". It only wires the services: no SQL and no rules here.
 */
@Component(
    name = EstateTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: the EntityManagerFactory is built before the service is registered, so "enabled"
    // means ready and the tenant's first request is not the one that pays for it
    immediate = true,
    service = {TenantModule.class, EstateTenant.class},
    property = CourtyardConstants.MODULE + "=" + EstateModule.ID)
@Designate(ocd = EstateTenant.Config.class, factory = true)
public final class EstateTenant extends JpaTenantModule implements TenantStatistics {

  /** Factory PID, equal to {@code EstateModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + EstateModule.ID;

  private static final List<Class<?>> ENTITIES =
      List.of(Estate.class, Building.class, Unit.class, Room.class);

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard estate module, per tenant",
      description = "Created by the platform when a tenant enables the estate module.")
  @interface Config {

    @AttributeDefinition(name = "Tenant", description = "Slug of the tenant this instance serves.")
    String tenant();
  }

  private final EstateService service;
  private final EstateFigures figures;

  /**
   * Every module's answer to "what of yours refers to this room?", asked before a delete. Modules
   * come and go at run time (hot install), so the list follows the services as they register.
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      fieldOption = FieldOption.UPDATE)
  private final List<RoomReferences> roomReferences = new CopyOnWriteArrayList<>();

  @Activate
  public EstateTenant(
      Config config, @Reference(name = "persistence") TenantPersistence persistence) {
    super(
        config.tenant(),
        EstateModule.ID,
        persistence,
        ENTITIES,
        "SELECT e.id FROM Estate e ORDER BY e.id");
    this.service =
        new EstateService(
            tenant(),
            transactions(),
            Clock.systemUTC(),
            new ReferenceCheck(tenant(), () -> List.copyOf(roomReferences)));
    this.figures = new EstateFigures(transactions());
  }

  @Deactivate
  void deactivate() {
    close();
  }

  @Override
  public Map<String, Object> statistics() {
    return Map.of(
        "rooms",
        transactions()
            .read(
                em -> em.createQuery("SELECT COUNT(r) FROM Room r", Long.class).getSingleResult()));
  }

  /** The tenant's estate data: records, lists and imports. */
  public EstateService service() {
    return service;
  }

  /** The counts of the Today screen's tiles. */
  EstateFigures figures() {
    return figures;
  }
}
