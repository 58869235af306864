package org.courtyard.devices;

/**
 * Where a device is, as its registration named it: {@code locationKind} room, building, gate or
 * area with its reference; the room's id for a room; and the estate and building the location maps
 * to (null for a place tied to none, such as a gate named but placed nowhere).
 */
public record DevicePlace(
    String deviceId,
    String name,
    String type,
    String locationKind,
    String locationRef,
    Long roomId,
    Long estateId,
    Long buildingId) {}
