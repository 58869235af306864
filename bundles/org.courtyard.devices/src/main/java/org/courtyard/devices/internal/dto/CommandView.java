package org.courtyard.devices.internal.dto;

import java.time.Instant;
import java.util.Map;

/**
 * A command and its fate: {@code sent} (published to the device, QoS 1), {@code acked} or {@code
 * failed} (the device answered).
 */
public record CommandView(
    long id,
    String deviceId,
    String name,
    Map<String, String> arguments,
    String status,
    String detail,
    Instant createdAt,
    Instant sentAt,
    Instant answeredAt) {}
