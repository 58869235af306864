package org.courtyard.api.jpa;

import java.util.Collection;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ConsumerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of a module's per-tenant component: the one shape every module's {@code XxxTenant} has.
 * Its constructor opens the tenant's EntityManagerFactory for the module's entities and runs one
 * cheap query, so a missing table or a broken mapping fails the enable (the platform then reports
 * the module as failed for that tenant) and the tenant's first request does not pay for
 * EclipseLink's lazy login. A component that exists is therefore ready: the REST layer treats
 * "instance present" as "module enabled".
 *
 * <p>The subclass is the DS component (factory configuration, {@code immediate = true}, the tenant
 * in its config): it calls this constructor from its {@code @Activate} constructor, builds its
 * services over {@link #transactions()} (and {@link #dataSource()} for bulk JDBC), and calls {@link
 * #close()} from its {@code @Deactivate} method. It keeps no SQL and no business rules of its own:
 * those live in the services, one per aggregate.
 */
@ConsumerType
public abstract class JpaTenantModule implements TenantModule {

  private static final Logger LOG = LoggerFactory.getLogger(JpaTenantModule.class);

  private final TenantSlug tenant;
  private final String moduleId;
  private final TenantPersistence persistence;
  private final Transactions transactions;

  /**
   * Opens the module's storage for {@code tenant}.
   *
   * @param entities every JPA entity of the module: the EntityManagerFactory knows only these
   * @param probe a JPQL query that reads one small table of the module (limited to one row here)
   * @throws RuntimeException when the storage does not work; nothing stays open
   */
  protected JpaTenantModule(
      String tenant,
      String moduleId,
      TenantPersistence persistence,
      Collection<Class<?>> entities,
      String probe) {
    this.tenant = TenantSlug.of(tenant);
    this.moduleId = moduleId;
    this.persistence = persistence;
    EntityManagerFactory emf =
        persistence.entityManagerFactory(
            this.tenant, moduleId, getClass().getClassLoader(), List.copyOf(entities));
    try {
      this.transactions = new Transactions(emf);
      transactions.read(em -> em.createQuery(probe).setMaxResults(1).getResultList());
    } catch (RuntimeException e) {
      persistence.close(this.tenant, moduleId);
      throw e;
    }
    LOG.info("Module {} ready for tenant {}", moduleId, this.tenant);
  }

  /** Closes the module's EntityManagerFactory; the tenant's data stays. Idempotent. */
  protected void close() {
    persistence.close(tenant, moduleId);
    LOG.info("Module {} stopped for tenant {}", moduleId, tenant);
  }

  /**
   * All-or-nothing work on the tenant's EntityManagerFactory of this module; public so the module's
   * own classes (its services, the read-only views it offers other modules) reach it.
   */
  public final Transactions transactions() {
    return transactions;
  }

  /** Connections bound to the tenant's schema, for bulk JDBC work beside JPA. */
  public final DataSource dataSource() {
    return persistence.dataSource(tenant);
  }

  @Override
  public final TenantSlug tenant() {
    return tenant;
  }

  @Override
  public final String moduleId() {
    return moduleId;
  }
}
