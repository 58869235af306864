package org.courtyard.devices.platform;

import java.time.Instant;
import java.util.List;
import org.courtyard.driver.ConfigField;

/**
 * An installed driver: what it serves, the settings its devices take, its health, and how many
 * devices of every tenant use it (tenants see the list at {@code /devices/drivers}, operators at
 * {@code /operator/drivers}).
 */
public record DriverView(
    String id,
    String name,
    String vendor,
    String version,
    List<String> deviceTypes,
    List<ConfigField> settings,
    String state,
    String quarantineReason,
    Instant quarantinedAt,
    long decoded,
    long failures,
    long devices) {}
