package org.courtyard.residents;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A current occupancy: a person's relation to a room since {@code moveIn}. */
public final class OccupancyRef {
  public final long id;
  public final long personId;
  public final long roomId;

  /** owner, occupant, tenant or family */
  public final String role;

  /** The owner's share in percent (scale 2); null for other roles and for joint ownership. */
  public final BigDecimal sharePercent;

  public final LocalDate moveIn;

  public OccupancyRef(
      long id, long personId, long roomId, String role, BigDecimal sharePercent, LocalDate moveIn) {
    this.id = id;
    this.personId = personId;
    this.roomId = roomId;
    this.role = role;
    this.sharePercent = sharePercent;
    this.moveIn = moveIn;
  }
}
