package org.courtyard.billing.internal;

import java.time.Clock;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.billing.internal.entity.FeeItemEntity;
import org.courtyard.billing.internal.entity.FeeTierEmbeddable;
import org.courtyard.billing.internal.entity.SettingsEntity;
import org.courtyard.estate.EstateDirectory;
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
 * The billing module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. It owns the tenant's EntityManagerFactory for the catalogue
 * tables; its billing runs wait in the {@link BillingRunQueue} all tenants share.
 */
@Component(
    name = BillingTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: registered only once activated, so "enabled" means ready
    immediate = true,
    service = {TenantModule.class, BillingTenant.class},
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Designate(ocd = BillingTenant.Config.class, factory = true)
public final class BillingTenant implements TenantModule {

  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + BillingModule.ID;

  private static final Logger LOG = LoggerFactory.getLogger(BillingTenant.class);

  private static final List<Class<?>> ENTITIES =
      List.of(FeeItemEntity.class, FeeTierEmbeddable.class, SettingsEntity.class);

  /** How long stopping waits for an executing run to let its batches in flight commit. */
  private static final long STOP_WAIT_MS = 30_000;

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard billing module, per tenant",
      description = "Created by the platform when a tenant enables the billing module.")
  @interface Config {

    @AttributeDefinition(name = "Tenant", description = "Slug of the tenant this instance serves.")
    String tenant();
  }

  private final TenantSlug tenant;
  private final TenantPersistence persistence;
  private final BillingRunQueue runQueue;
  private final Catalog catalog;
  private final BillingRuns runs;
  private final Payments payments;
  private final Reversals reversals;
  private final Reports reports;
  private final Meters meters;
  private final ReadingImport readingImport;

  @Activate
  public BillingTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "estate") EstateDirectory estate,
      @Reference(name = "runQueue") BillingRunQueue runQueue) {
    this.tenant = TenantSlug.of(config.tenant());
    this.persistence = persistence;
    this.runQueue = runQueue;
    Clock clock = Clock.systemUTC();
    EntityManagerFactory emf =
        persistence.entityManagerFactory(
            tenant, BillingModule.ID, BillingTenant.class.getClassLoader(), ENTITIES);
    try {
      this.catalog = new Catalog(emf, clock);
      // One cheap query now: a missing table or broken mapping fails the enable, not a request.
      catalog.settings();
      Jdbc jdbc = new Jdbc(persistence.dataSource(tenant));
      this.runs = new BillingRuns(tenant, jdbc, catalog, estate, clock, runQueue);
      this.payments = new Payments(tenant, jdbc, catalog, estate, clock);
      this.reversals = new Reversals(jdbc, clock);
      this.reports = new Reports(tenant, jdbc, catalog, estate, clock);
      this.meters = new Meters(tenant, jdbc, catalog, estate, clock);
      this.readingImport = new ReadingImport(tenant, jdbc, catalog, clock);
      int interrupted = runs.failInterrupted();
      if (interrupted > 0) {
        LOG.warn(
            "Tenant {}: {} billing run(s) were interrupted by a stop and are marked failed;"
                + " post their periods again to complete them",
            tenant,
            interrupted);
      }
    } catch (RuntimeException e) {
      persistence.close(tenant, BillingModule.ID);
      throw e;
    }
    LOG.info("Billing module ready for tenant {}", tenant);
  }

  @Deactivate
  void deactivate() {
    // Its waiting runs are dropped and its executing one stopped; the next start marks them
    // failed, and posting their periods again completes them.
    runQueue.cancel(tenant, STOP_WAIT_MS);
    persistence.close(tenant, BillingModule.ID);
    LOG.info("Billing module stopped for tenant {}", tenant);
  }

  @Override
  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String moduleId() {
    return BillingModule.ID;
  }

  Catalog catalog() {
    return catalog;
  }

  BillingRuns runs() {
    return runs;
  }

  Payments payments() {
    return payments;
  }

  Reversals reversals() {
    return reversals;
  }

  Reports reports() {
    return reports;
  }

  Meters meters() {
    return meters;
  }

  ReadingImport readingImport() {
    return readingImport;
  }
}
