package org.courtyard.devices.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jdbc.JdbcTenantModule;
import org.courtyard.devices.platform.DecodedMessage;
import org.courtyard.devices.platform.DeviceIngest;
import org.courtyard.devices.platform.DeviceRuntime;
import org.courtyard.devices.platform.RefusedMessage;
import org.courtyard.devices.platform.StoredBatch;
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
 * The devices module of one tenant: one instance per factory configuration the platform creates
 * when the tenant enables the module. While it runs, the tenant's active devices are known to the
 * device runtime (they may connect) and the gateway stores their messages through it ({@link
 * DeviceIngest}). It only wires the services: the rules are {@link DeviceService}'s, the SQL {@link
 * DeviceStore}'s, in plain JDBC ({@link JdbcTenantModule}: the ingest path writes in bulk, and the
 * module has no JPA entities).
 */
@Component(
    name = DevicesTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {TenantModule.class, DevicesTenant.class, DeviceIngest.class},
    property = CourtyardConstants.MODULE + "=" + DevicesModule.ID)
@Designate(ocd = DevicesTenant.Config.class, factory = true)
public final class DevicesTenant extends JdbcTenantModule
    implements DeviceIngest, TenantStatistics {

  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + DevicesModule.ID;
  private static final Logger LOG = LoggerFactory.getLogger(DevicesTenant.class);

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard devices module, per tenant",
      description = "Created by the platform when a tenant enables the devices module.")
  @interface Config {
    @AttributeDefinition(name = "Tenant")
    String tenant();
  }

  private final DeviceRuntime runtime;
  private final DeviceStore store;
  private final DeviceService devices;
  private volatile boolean running = true;

  @Activate
  public DevicesTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "runtime") DeviceRuntime runtime,
      @Reference(name = "estate") EstateDirectory estate,
      @Reference(name = "backfill") DevicePlacesBackfill backfill) {
    super(config.tenant(), DevicesModule.ID, persistence, "SELECT 1 FROM device LIMIT 0");
    this.runtime = runtime;
    this.store = new DeviceStore(tenant(), jdbc());
    DevicePlaces places = new DevicePlaces(tenant(), estate);
    this.devices = new DeviceService(tenant(), store, runtime, places, Clock.systemUTC());
    runtime.load(tenant(), store.active().stream().map(store::entry).toList());
    backfill.offer(tenant(), store, places, () -> running);
  }

  @Deactivate
  void deactivate() {
    running = false;
    runtime.unload(tenant());
    LOG.info("Devices of tenant {} may no longer connect", tenant());
  }

  @Override
  public Map<String, Object> statistics() {
    return store.statistics();
  }

  @Override
  public StoredBatch store(List<DecodedMessage> decoded, List<RefusedMessage> refused) {
    return store.store(decoded, refused);
  }

  /** The tenant's devices: registration, revocation, passwords, commands, views. */
  DeviceService devices() {
    return devices;
  }

  /** The tenant's device rows, for what other modules ask (rooms still holding devices). */
  DeviceStore rows() {
    return store;
  }
}
