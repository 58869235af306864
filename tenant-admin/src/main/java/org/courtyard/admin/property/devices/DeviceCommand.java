package org.courtyard.admin.property.devices;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * A command sent to a device and where it stands: {@code sent} until the device acknowledges it,
 * then {@code acked}, or {@code failed} with the device's (or the driver's) {@code detail}.
 */
public record DeviceCommand(
    long id,
    String deviceId,
    String name,
    Map<String, String> arguments,
    String status,
    String detail,
    Instant createdAt,
    Instant sentAt,
    Instant answeredAt)
    implements Serializable {

  /** Whether the device has not answered yet. */
  public boolean waiting() {
    return !"acked".equals(status) && !"failed".equals(status);
  }

  /** The body of {@code POST /devices/devices/{id}/commands}. */
  public record Input(String name, Map<String, String> arguments) {}
}
