package org.courtyard.devices;

import java.time.Instant;

/**
 * Whether an active device is heard from: {@code online} when its last message is within the
 * gateway's heartbeat timeout; {@code lastSeenAt} null for a device never heard from.
 */
public record DeviceStatus(String deviceId, String type, Instant lastSeenAt, boolean online) {}
