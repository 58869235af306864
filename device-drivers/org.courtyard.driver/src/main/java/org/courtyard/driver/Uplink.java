package org.courtyard.driver;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a device published on its uplink topic.
 *
 * @param deviceId the device's id within its tenant
 * @param deviceType one of the driver's device types
 * @param payload the raw bytes; the driver must not modify them
 * @param receivedAt when the gateway received the message, for records whose payload has no time
 */
public record Uplink(String deviceId, String deviceType, byte[] payload, Instant receivedAt) {
  public Uplink {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(deviceType, "deviceType");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
