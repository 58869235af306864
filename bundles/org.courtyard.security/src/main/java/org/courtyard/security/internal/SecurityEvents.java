package org.courtyard.security.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
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
 * (the devices module calls this after it stored the records), and the periodic check that raises
 * an alarm for a device that stopped reporting.
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
  }

  private final TenantInstances<SecurityTenant> tenants =
      new TenantInstances<>(SecurityTenant.class, SecurityModule.ID);
  private final Map<TenantSlug, SecurityTenant> running = new ConcurrentHashMap<>();
  private final DeviceDirectory devices;
  private final ScheduledExecutorService checker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "security-offline-check");
            t.setDaemon(true);
            return t;
          });
  private ScheduledFuture<?> check;

  @Activate
  public SecurityEvents(BundleContext context, Config config, @Reference DeviceDirectory devices) {
    this.devices = devices;
    tenants.activate(context);
    schedule(config);
  }

  @Modified
  synchronized void modified(Config config) {
    schedule(config);
  }

  @Deactivate
  void deactivate() {
    checker.shutdownNow();
  }

  private synchronized void schedule(Config config) {
    if (check != null) {
      check.cancel(false);
    }
    int every = Math.max(1, config.offlineCheckSeconds());
    check = checker.scheduleWithFixedDelay(this::checkOffline, every, every, TimeUnit.SECONDS);
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
