package org.courtyard.admin.property.estate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A room (房间) of a unit; {@code area} in square metres, {@code type} residential, commercial,
 * parking or storage, {@code status} vacant, occupied, rented or renovating.
 */
public record Room(
    long id,
    long unitId,
    long buildingId,
    long estateId,
    String number,
    int floor,
    BigDecimal area,
    String type,
    String status,
    int version)
    implements Serializable {

  public static final List<String> TYPES =
      List.of("residential", "commercial", "parking", "storage");
  public static final List<String> STATUSES = List.of("vacant", "occupied", "rented", "renovating");
}
