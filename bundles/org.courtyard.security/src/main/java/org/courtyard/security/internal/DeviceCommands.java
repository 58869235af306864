package org.courtyard.security.internal;

import java.util.Map;
import org.courtyard.devices.DeviceCommand;

/**
 * Sends a command to one of the calling tenant's devices through its driver, as {@code POST
 * /devices/devices/{id}/commands} does: door openings and credential pushes go this way.
 */
@FunctionalInterface
interface DeviceCommands {

  /**
   * @throws org.courtyard.api.ProblemException when the device is unknown or revoked, or its driver
   *     cannot encode the command
   */
  DeviceCommand send(String deviceId, String command, Map<String, String> arguments);
}
