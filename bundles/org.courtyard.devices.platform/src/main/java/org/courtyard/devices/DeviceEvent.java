package org.courtyard.devices;

import java.time.Instant;
import java.util.Objects;
import org.courtyard.api.TenantSlug;
import org.courtyard.driver.DeviceRecord;

/**
 * A record a device reported, stored in its tenant's schema.
 *
 * @param deviceId the device's id in its tenant
 * @param roomId the room the device is installed in, if it is installed in a room
 * @param record what the driver decoded
 * @param receivedAt when the gateway received the message
 */
public record DeviceEvent(
    TenantSlug tenant,
    String deviceId,
    String deviceType,
    Long roomId,
    DeviceRecord record,
    Instant receivedAt) {

  public DeviceEvent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(record, "record");
  }
}
