package org.courtyard.security;

import java.time.Instant;

/**
 * An alarm a device raised, as security recorded it: {@code kind} (door_forced, door_held_open,
 * smoke, water_leak, tamper, low_battery, sensor_fault, device_offline), the device and the source
 * on it (a door, a sensor channel), the driver's detail, and its state now ({@code raised}, {@code
 * acknowledged}, {@code resolved}).
 */
public record RaisedAlarm(
    long id,
    String kind,
    String deviceId,
    String source,
    String detail,
    String status,
    Instant raisedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy) {}
