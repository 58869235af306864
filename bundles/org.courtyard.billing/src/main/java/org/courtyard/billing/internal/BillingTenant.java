package org.courtyard.billing.internal;

import java.time.Clock;
import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.jpa.JpaTenantModule;
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
 * when the tenant enables the module. {@link JpaTenantModule} opens and probes its storage (the
 * catalogue through JPA, the rest through JDBC on the same schema); it only wires the services, and
 * its billing runs wait in the {@link BillingRunQueue} all tenants share. It starts with the
 * backfill of the places of rows older than the data scopes ({@link RoomPlaces}, one tenant at a
 * time on the {@link PlaceBackfills} lane) and stops it before its storage closes.
 */
@Component(
    name = BillingTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: registered only once activated, so "enabled" means ready
    immediate = true,
    service = {TenantModule.class, BillingTenant.class},
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
@Designate(ocd = BillingTenant.Config.class, factory = true)
public final class BillingTenant extends JpaTenantModule {

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

  private final BillingRunQueue runQueue;
  private final Catalog catalog;
  private final BillingRuns runs;
  private final OneOffCharges charges;
  private final ExternalCharges externalCharges;
  private final CounterIncomes incomes;
  private final Payments payments;
  private final Reversals reversals;
  private final Reports reports;
  private final ArrearsTotals arrearsTotals;
  private final Meters meters;
  private final ReadingImport readingImport;
  private final PlaceBackfills.Task backfill;
  private final TodayFigures today;

  @Activate
  public BillingTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "estate") EstateDirectory estate,
      @Reference(name = "runQueue") BillingRunQueue runQueue,
      @Reference(name = "placeBackfills") PlaceBackfills placeBackfills) {
    super(
        config.tenant(),
        BillingModule.ID,
        persistence,
        ENTITIES,
        "SELECT s.id FROM SettingsEntity s");
    this.runQueue = runQueue;
    TenantSlug tenant = tenant();
    Clock clock = Clock.systemUTC();
    // the catalogue through JPA; bills, payments and readings are bulk work in plain JDBC
    this.catalog = new Catalog(transactions(), clock);
    Jdbc jdbc = new Jdbc(dataSource());
    this.runs = new BillingRuns(tenant, jdbc, catalog, estate, clock, runQueue);
    this.charges = new OneOffCharges(tenant, jdbc, catalog, estate, clock);
    this.externalCharges = new ExternalCharges(tenant, jdbc, catalog, estate, clock);
    this.incomes = new CounterIncomes(jdbc, catalog, clock);
    this.payments = new Payments(tenant, jdbc, catalog, estate, clock);
    this.reversals = new Reversals(jdbc, clock);
    this.reports = new Reports(tenant, jdbc, catalog, estate, clock);
    this.arrearsTotals = new ArrearsTotals(jdbc, catalog);
    this.meters = new Meters(tenant, jdbc, catalog, estate, clock);
    this.readingImport = new ReadingImport(tenant, jdbc, catalog, clock);
    this.today = new TodayFigures(jdbc, catalog, clock);
    try {
      int interrupted = runs.failInterrupted();
      if (interrupted > 0) {
        LOG.warn(
            "Tenant {}: {} billing run(s) were interrupted by a stop and are marked failed;"
                + " post their periods again to complete them",
            tenant,
            interrupted);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.backfill = placeBackfills.start(tenant, new RoomPlaces(tenant, jdbc, estate));
  }

  @Deactivate
  void deactivate() {
    // Its waiting runs are dropped and its executing one stopped; the next start marks them
    // failed, and posting their periods again completes them.
    runQueue.cancel(tenant(), STOP_WAIT_MS);
    backfill.stop(STOP_WAIT_MS);
    close();
  }

  Catalog catalog() {
    return catalog;
  }

  BillingRuns runs() {
    return runs;
  }

  CounterIncomes incomes() {
    return incomes;
  }

  ExternalCharges externalCharges() {
    return externalCharges;
  }

  OneOffCharges charges() {
    return charges;
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

  ArrearsTotals arrearsTotals() {
    return arrearsTotals;
  }

  Meters meters() {
    return meters;
  }

  ReadingImport readingImport() {
    return readingImport;
  }

  TodayFigures today() {
    return today;
  }
}
