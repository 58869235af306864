package org.courtyard.parking.internal.dto;

/** Body of {@code PUT /parking/spaces/{id}/sensor}: the occupancy sensor watching the space. */
public record SensorInput(String deviceId) {}
