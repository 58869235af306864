package org.courtyard.devices.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
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

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of("devices.driver.read", "View the installed device drivers", "查看设备驱动"),
          PermissionDef.of(
              "devices.device.read",
              "View devices with their records, refused messages and commands",
              "查看设备及其上报数据、拒收消息和指令记录"),
          PermissionDef.of(
              "devices.device.manage",
              "Register and revoke devices, replace their passwords, release them from quarantine",
              "管理设备（注册、停用、重置接入密码、解除隔离）"),
          PermissionDef.doors(
              "devices.device.command",
              "Send commands to devices, such as opening a gate",
              "向设备下发指令（如远程开闸、开门）"));

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

  @Override
  public List<PermissionDef> permissions() {
    return PERMISSIONS;
  }
}
