package org.courtyard.devices.internal.dto;

import java.util.Map;

/**
 * A device to register.
 *
 * @param driver the driver's id; may be left out when exactly one installed driver serves the type
 * @param location where it is installed
 * @param settings the driver's per-device settings (see the driver's descriptor)
 */
public record DeviceInput(
    String id,
    String type,
    String driver,
    String name,
    Location location,
    Map<String, String> settings) {

  /**
   * @param kind {@code room}, {@code building}, {@code gate} or {@code area}
   * @param ref the room id, building id, gate or area name
   * @param estateId the estate the device is in: taken from the room or building; for a gate or
   *     area, the estate it belongs to, if any (a device tied to no estate is seen only by staff
   *     working for the whole company)
   * @param buildingId the building the device is in: taken from the room, or the building itself;
   *     for a gate or area, the building it is part of, if any
   */
  public record Location(String kind, String ref, Long estateId, Long buildingId) {}
}
