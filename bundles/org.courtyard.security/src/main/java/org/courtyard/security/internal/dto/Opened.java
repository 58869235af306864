package org.courtyard.security.internal.dto;

import org.courtyard.devices.DeviceCommand;

/** The command sent to the controller and the line it left in the access log. */
public record Opened(DeviceCommand command, AccessView logged) {}
