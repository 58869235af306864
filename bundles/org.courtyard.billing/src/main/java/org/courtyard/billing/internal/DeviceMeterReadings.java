package org.courtyard.billing.internal;

import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantInstances;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.driver.DeviceRecord;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meter readings from devices become billing's meter readings (source {@code device}), for tenants
 * that have billing enabled. A device reading goes to the billing meter whose serial is the
 * device's id, or {@code <device id>/<channel>} for a device that carries several meters (channel
 * other than {@code 1}), and whose type matches. Readings pass the same checks as typed-in ones;
 * those that fail are counted and logged, as a device cannot be answered.
 */
@Component(
    service = DeviceEventListener.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
public final class DeviceMeterReadings implements DeviceEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceMeterReadings.class);

  private final TenantInstances<BillingTenant> tenants =
      new TenantInstances<>(BillingTenant.class, BillingModule.ID);

  @Activate
  public DeviceMeterReadings(BundleContext context) {
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(BillingTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(BillingTenant instance) {
    tenants.unbind(instance);
  }

  @Override
  public void onEvents(List<DeviceEvent> events) {
    List<Meters.DeviceReading> readings = new ArrayList<>();
    for (DeviceEvent e : events) {
      if (e.record() instanceof DeviceRecord.MeterReading r) {
        String type = type(r.kind());
        if (type != null) {
          String serial = r.channel().equals("1") ? e.deviceId() : e.deviceId() + "/" + r.channel();
          readings.add(new Meters.DeviceReading(serial, type, r.at(), r.value()));
        }
      }
    }
    if (readings.isEmpty()) {
      return;
    }
    BillingTenant billing = tenants.find(events.get(0).tenant());
    if (billing == null) {
      return;
    }
    Meters.DeviceReadingsResult result = billing.meters().addDeviceReadings(readings);
    if (result.refused() > 0) {
      LOG.info(
          "Tenant {}: {} device reading(s) stored, {} refused by the meter checks",
          events.get(0).tenant(),
          result.stored(),
          result.refused());
    } else {
      LOG.debug(
          "Tenant {}: {} device reading(s) stored, {} for no billing meter",
          events.get(0).tenant(),
          result.stored(),
          result.noMeter());
    }
  }

  private static String type(DeviceRecord.MeterKind kind) {
    return switch (kind) {
      case WATER -> "water";
      case ELECTRICITY -> "electricity";
      case GAS -> "gas";
      case HEAT -> null;
    };
  }
}
