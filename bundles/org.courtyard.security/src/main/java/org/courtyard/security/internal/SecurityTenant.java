package org.courtyard.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.jdbc.JdbcTenantModule;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The security module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. It is registered only once the tenant's tables answer, so
 * "instance present" means "module enabled and ready". It only wires the services, one per
 * aggregate; the SQL and the rules are theirs. Security stores its rows with plain JDBC on the
 * tenant's schema ({@link JdbcTenantModule}: no EntityManagerFactory): its writes are batches from
 * devices and its lists keyset queries with lateral joins.
 */
@Component(
    name = SecurityTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // immediate: the tables are probed before the service is registered, so "enabled" means ready
    immediate = true,
    service = {TenantModule.class, SecurityTenant.class},
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Designate(ocd = SecurityTenant.Config.class, factory = true)
public final class SecurityTenant extends JdbcTenantModule {

  /** Factory PID, equal to {@code SecurityModule#factoryPid()} by construction. */
  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + SecurityModule.ID;

  @ObjectClassDefinition(id = PID, name = "Courtyard security module, per tenant")
  @interface Config {
    @AttributeDefinition(name = "Tenant")
    String tenant();
  }

  private final Clock clock = Clock.systemUTC();
  private final AccessLog accessLog;
  private final Alarms alarms;
  private final Credentials credentials;
  private final Patrols patrols;
  private final PatrolRoutes routes;
  private final DeviceReports reports;

  @Activate
  public SecurityTenant(
      Config config, @Reference(name = "persistence") TenantPersistence persistence) {
    super(config.tenant(), SecurityModule.ID, persistence, "SELECT 1 FROM alarm LIMIT 0");
    Jdbc jdbc = jdbc();
    this.accessLog = new AccessLog(jdbc, clock);
    this.alarms = new Alarms(jdbc, clock);
    this.credentials = new Credentials(jdbc, clock, new CredentialPushes(jdbc, clock));
    this.patrols = new Patrols(jdbc, clock);
    this.routes = new PatrolRoutes(jdbc, clock);
    this.reports = new DeviceReports(jdbc, accessLog, alarms, patrols);
  }

  Instant now() {
    return clock.instant();
  }

  /** The access log: door and gate decisions, and doors opened from the guard room. */
  AccessLog accessLog() {
    return accessLog;
  }

  Alarms alarms() {
    return alarms;
  }

  Credentials credentials() {
    return credentials;
  }

  Patrols patrols() {
    return patrols;
  }

  PatrolRoutes routes() {
    return routes;
  }

  /** Stores what the tenant's devices reported ({@link SecurityEvents} hands it over). */
  void record(List<DeviceEvent> events) {
    reports.store(events);
  }

  /** Raises and resolves device-offline alarms from the devices' last heartbeats. */
  void checkOffline(List<DeviceStatus> statuses) {
    alarms.checkOffline(statuses);
  }
}
