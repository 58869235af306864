package org.courtyard.devices.internal.dto;

import java.time.Instant;
import java.util.List;
import org.courtyard.driver.ConfigField;

/** An installed driver: what it serves, the settings its devices take, and its health. */
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
