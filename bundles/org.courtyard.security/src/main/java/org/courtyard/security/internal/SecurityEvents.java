package org.courtyard.security.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.courtyard.devices.DeviceDirectory;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.driver.DeviceRecord;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access decisions and alarms that devices reported, for the tenants that run the security module
 * (the devices module calls this after it stored the records); the periodic check that raises an
 * alarm for a device that stopped reporting; and the job that creates each day's patrol rounds.
 */
@Component(
    service = DeviceEventListener.class,
    configurationPid = SecurityEvents.PID,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Designate(ocd = SecurityEvents.Config.class)
public final class SecurityEvents implements DeviceEventListener {

  static final String PID = "org.courtyard.security";
  private static final Logger LOG = LoggerFactory.getLogger(SecurityEvents.class);

  @ObjectClassDefinition(id = PID, name = "Courtyard security")
  @interface Config {
    @AttributeDefinition(
        name = "Device-offline check (s)",
        description = "How often devices are checked against the gateway's heartbeat timeout")
    int offlineCheckSeconds() default 60;

    @AttributeDefinition(
        name = "Patrol scheduling (s)",
        description =
            "How often every tenant's rounds for today and tomorrow are created from its routes"
                + " (creating them again adds nothing)")
    int patrolScheduleSeconds() default 3600;

    @AttributeDefinition(
        name = "Patrol time zone",
        description = "Time zone the routes' round times are read in")
    String patrolZone() default "Asia/Shanghai";
  }

  private final TenantInstances<SecurityTenant> tenants =
      new TenantInstances<>(SecurityTenant.class, SecurityModule.ID);
  private final Map<TenantSlug, SecurityTenant> running = new ConcurrentHashMap<>();
  private final DeviceDirectory devices;
  private final Workers workers;
  private AutoCloseable check;
  private AutoCloseable patrols;

  @Activate
  public SecurityEvents(
      BundleContext context,
      Config config,
      @Reference DeviceDirectory devices,
      @Reference Workers workers) {
    this.devices = devices;
    this.workers = workers;
    tenants.activate(context);
    schedule(config);
  }

  @Modified
  synchronized void modified(Config config) {
    schedule(config);
  }

  @Deactivate
  synchronized void deactivate() {
    stop();
  }

  private synchronized void schedule(Config config) {
    stop();
    Duration every = Duration.ofSeconds(Math.max(1, config.offlineCheckSeconds()));
    check = workers.every("security-offline-check", every, every, this::checkOffline);
    ZoneId zone;
    try {
      zone = ZoneId.of(config.patrolZone());
    } catch (DateTimeException e) {
      LOG.error("patrolZone {} is not a time zone; using Asia/Shanghai", config.patrolZone());
      zone = ZoneId.of("Asia/Shanghai");
    }
    ZoneId z = zone;
    Duration period = Duration.ofSeconds(Math.max(1, config.patrolScheduleSeconds()));
    patrols = workers.every("security-patrol-rounds", period, period, () -> schedulePatrols(z));
  }

  /** Stops both schedules; a run already going finishes. */
  private void stop() {
    check = closed(check);
    patrols = closed(patrols);
  }

  private static AutoCloseable closed(AutoCloseable schedule) {
    if (schedule != null) {
      try {
        schedule.close();
      } catch (Exception e) {
        LOG.warn("Stopping a security schedule failed", e);
      }
    }
    return null;
  }

  /** Today's and tomorrow's rounds of every route, so guards find them without anyone asking. */
  private void schedulePatrols(ZoneId zone) {
    for (SecurityTenant t : running.values()) {
      try {
        LocalDate today = LocalDate.ofInstant(t.now(), zone);
        t.patrols().schedule(today.toString(), zone, t.now(), DeviceScope.ALL);
        t.patrols().schedule(today.plusDays(1).toString(), zone, t.now(), DeviceScope.ALL);
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: scheduling patrol rounds failed", t.tenant(), e);
      }
    }
  }

  private void checkOffline() {
    for (SecurityTenant t : running.values()) {
      try {
        t.checkOffline(devices.statuses(t.tenant()));
      } catch (RuntimeException e) {
        LOG.warn("Tenant {}: device-offline check failed", t.tenant(), e);
      }
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(SecurityTenant instance) {
    tenants.bind(instance);
    running.put(instance.tenant(), instance);
  }

  void unbindTenant(SecurityTenant instance) {
    tenants.unbind(instance);
    running.remove(instance.tenant(), instance);
  }

  @Override
  public void onEvents(List<DeviceEvent> events) {
    List<DeviceEvent> mine =
        events.stream()
            .filter(
                e ->
                    e.record() instanceof DeviceRecord.AccessEvent
                        || e.record() instanceof DeviceRecord.Alarm)
            .toList();
    if (mine.isEmpty()) {
      return;
    }
    SecurityTenant security = tenants.find(mine.get(0).tenant());
    if (security != null) {
      security.record(mine);
    }
  }
}
