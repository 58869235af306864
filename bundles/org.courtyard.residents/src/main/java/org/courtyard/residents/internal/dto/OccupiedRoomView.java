package org.courtyard.residents.internal.dto;

/**
 * A room someone currently owns, rents or lives in, as {@code GET /occupied-rooms} lists it: its
 * label in estate ({@code TE1/B1/U1/101}; null for a room estate no longer has), where it is (null
 * while not yet known for occupancies recorded before data scopes), and how many persons currently
 * occupy it in any role, each counted once.
 */
public record OccupiedRoomView(
    long roomId, String label, Long estateId, Long buildingId, long occupants) {}
