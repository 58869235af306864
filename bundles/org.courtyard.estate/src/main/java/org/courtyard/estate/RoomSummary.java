package org.courtyard.estate;

import java.math.BigDecimal;

/** A room as other modules see it: where it is, how large it is, what it is used for. */
public final class RoomSummary {
  public final long id;
  public final long estateId;
  public final long buildingId;
  public final long unitId;

  /**
   * Human-readable address inside the tenant, e.g. {@code GV/B1/U1/1801} (estate/building/unit/room
   * codes).
   */
  public final String label;

  public final int floor;

  /** Square metres, scale 2. */
  public final BigDecimal area;

  /** residential, commercial, parking or storage */
  public final String type;

  /** vacant, occupied, rented or renovating */
  public final String status;

  public RoomSummary(
      long id,
      long estateId,
      long buildingId,
      long unitId,
      String label,
      int floor,
      BigDecimal area,
      String type,
      String status) {
    this.id = id;
    this.estateId = estateId;
    this.buildingId = buildingId;
    this.unitId = unitId;
    this.label = label;
    this.floor = floor;
    this.area = area;
    this.type = type;
    this.status = status;
  }
}
