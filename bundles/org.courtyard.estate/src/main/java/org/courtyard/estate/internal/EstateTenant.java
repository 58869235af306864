package org.courtyard.estate.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManagerFactory;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jpa.Transactions;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estate module of one tenant: one instance per factory configuration the platform creates when
 * the tenant enables the module. It exists, and is registered, only while its EntityManagerFactory
 * works, so the REST layer can treat "instance present" as "module enabled and ready".
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
public final class EstateTenant implements TenantModule, TenantStatistics {

  /** Factory PID, equal to {@code EstateModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + EstateModule.ID;

  private static final Logger LOG = LoggerFactory.getLogger(EstateTenant.class);

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

  private final TenantSlug tenant;
  private final TenantPersistence persistence;
  private final EstateService service;
  private final Transactions transactions;

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
    this.tenant = TenantSlug.of(config.tenant());
    this.persistence = persistence;
    EntityManagerFactory emf =
        persistence.entityManagerFactory(
            tenant, EstateModule.ID, EstateTenant.class.getClassLoader(), ENTITIES);
    try {
      Transactions transactions = new Transactions(emf);
      // One cheap query now: a missing table or a broken mapping fails the enable, and the first
      // user request does not pay for EclipseLink's lazy session login.
      transactions.read(
          em ->
              em.createQuery("SELECT e.id FROM Estate e ORDER BY e.id", Long.class)
                  .setMaxResults(1)
                  .getResultList());
      this.service =
          new EstateService(
              tenant,
              transactions,
              Clock.systemUTC(),
              new ReferenceCheck(tenant, () -> List.copyOf(roomReferences)));
      this.transactions = transactions;
    } catch (RuntimeException e) {
      persistence.close(tenant, EstateModule.ID);
      throw e;
    }
    LOG.info("Estate module ready for tenant {}", tenant);
  }

  @Deactivate
  void deactivate() {
    persistence.close(tenant, EstateModule.ID);
    LOG.info("Estate module stopped for tenant {}", tenant);
  }

  /** For read-only views of this tenant's data offered to other modules. */
  Transactions transactions() {
    return transactions;
  }

  @Override
  public Map<String, Object> statistics() {
    return Map.of(
        "rooms",
        transactions.read(
            em -> em.createQuery("SELECT COUNT(r) FROM Room r", Long.class).getSingleResult()));
  }

  @Override
  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String moduleId() {
    return EstateModule.ID;
  }

  /** The tenant's estate data: records, lists and imports. */
  public EstateService service() {
    return service;
  }
}
