package org.courtyard.residents.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jpa.Transactions;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The residents module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. It exists, and is registered, only while its
 * EntityManagerFactory works, so the REST layer can treat "instance present" as "module enabled and
 * ready".
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
public final class ResidentsTenant implements TenantModule, TenantStatistics {

  /** Factory PID, equal to {@code ResidentsModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + ResidentsModule.ID;

  private static final Logger LOG = LoggerFactory.getLogger(ResidentsTenant.class);

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

  private final TenantSlug tenant;
  private final TenantPersistence persistence;
  private final ResidentsService service;
  private final Transactions transactions;

  @Activate
  public ResidentsTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "estate") EstateDirectory estate) {
    this.tenant = TenantSlug.of(config.tenant());
    this.persistence = persistence;
    EntityManagerFactory emf =
        persistence.entityManagerFactory(
            tenant, ResidentsModule.ID, ResidentsTenant.class.getClassLoader(), ENTITIES);
    try {
      this.transactions = new Transactions(emf);
      // One cheap query now: a missing table or a broken mapping fails the enable, and the first
      // user request does not pay for EclipseLink's lazy session login.
      transactions.read(
          em ->
              em.createQuery("SELECT p.id FROM Person p ORDER BY p.id", Long.class)
                  .setMaxResults(1)
                  .getResultList());
      this.service = new ResidentsService(tenant, transactions, estate, Clock.systemUTC());
    } catch (RuntimeException e) {
      persistence.close(tenant, ResidentsModule.ID);
      throw e;
    }
    LOG.info("Residents module ready for tenant {}", tenant);
  }

  @Deactivate
  void deactivate() {
    persistence.close(tenant, ResidentsModule.ID);
    LOG.info("Residents module stopped for tenant {}", tenant);
  }

  @Override
  public Map<String, Object> statistics() {
    return Map.of(
        "residents",
        transactions.read(
            em -> em.createQuery("SELECT COUNT(p) FROM Person p", Long.class).getSingleResult()));
  }

  @Override
  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String moduleId() {
    return ResidentsModule.ID;
  }

  /** The tenant's persons, occupancies and vehicles. */
  public ResidentsService service() {
    return service;
  }

  /** Read access for {@link ResidentDirectoryService}, the module's exported read-only API. */
  Transactions transactions() {
    return transactions;
  }
}
