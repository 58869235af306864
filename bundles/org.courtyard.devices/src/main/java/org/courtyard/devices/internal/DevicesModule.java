package org.courtyard.devices.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the devices module. Devices are installed in rooms, buildings and gates, so estate
 * comes first.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + DevicesModule.ID)
public final class DevicesModule implements ModuleDescriptor {

  public static final String ID = "devices";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Devices";
  }

  @Override
  public String description() {
    return "Smart devices (智能设备): meters, locks, gates and sensors over MQTT, decoded by vendor"
        + " driver plugins";
  }

  @Override
  public List<String> requires() {
    return List.of("estate");
  }
}
