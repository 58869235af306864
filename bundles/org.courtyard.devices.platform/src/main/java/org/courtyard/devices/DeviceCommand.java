package org.courtyard.devices;

/**
 * A command handed to a device, as another module sees it: {@code status} is {@code sent} once
 * published (QoS 1), later {@code acked} or {@code failed} when the device answers.
 */
public record DeviceCommand(long id, String deviceId, String name, String status, String detail) {}
