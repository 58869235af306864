package org.courtyard.admin.property.parking;

import java.io.Serializable;

/** A parking lot as {@code GET /parking/lots} lists it, with its number of spaces. */
public record Lot(
    long id,
    long estateId,
    String code,
    String name,
    String location,
    int levels,
    int temporarySpaces,
    long spaces,
    int version)
    implements Serializable {

  /** The body of {@code POST /parking/lots}. */
  public record Input(
      Long estateId,
      String code,
      String name,
      String location,
      Integer levels,
      Integer temporarySpaces) {}
}
