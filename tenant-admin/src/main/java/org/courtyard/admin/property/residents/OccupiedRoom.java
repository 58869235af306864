package org.courtyard.admin.property.residents;

import java.io.Serializable;

/**
 * A room someone currently owns, rents or lives in, as {@code GET /residents/occupied-rooms} lists
 * it: estate's label of the room, where it is, and how many persons are in it now (each once).
 * {@code label}, {@code estateId} and {@code buildingId} are null when the API does not know them.
 */
public record OccupiedRoom(
    long roomId, String label, Long estateId, Long buildingId, long occupants)
    implements Serializable {

  /** The room in words as the API names it, or its number ({@code #42}) when it cannot. */
  public String room() {
    return label == null || label.isBlank() ? "#" + roomId : label;
  }
}
