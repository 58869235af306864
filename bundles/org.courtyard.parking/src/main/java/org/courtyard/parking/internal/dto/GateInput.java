package org.courtyard.parking.internal.dto;

/**
 * Body of {@code POST /parking/gates}: the lane {@code lane} of the camera {@code deviceId} (a
 * device of the devices module) is an {@code entry} or {@code exit} of the lot.
 */
public record GateInput(Long lotId, String deviceId, String lane, String direction, String name) {}
