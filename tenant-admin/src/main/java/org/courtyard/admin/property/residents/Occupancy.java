package org.courtyard.admin.property.residents;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * That a person owns, rents or lives in a room ({@code role}: owner, occupant, tenant, family) from
 * {@code moveIn}; current while {@code moveOut} is null. {@code sharePercent} only for owners, and
 * not always then (joint ownership without shares). {@code roomLabel} is estate's label of the room
 * ({@code SUN/B1/U1/101}), {@code estateId} and {@code buildingId} where it is; each null when the
 * API does not know (a room estate no longer has, an occupancy not yet placed).
 */
public record Occupancy(
    long id,
    long personId,
    String personName,
    long roomId,
    String roomLabel,
    Long estateId,
    Long buildingId,
    String role,
    BigDecimal sharePercent,
    LocalDate moveIn,
    LocalDate moveOut)
    implements Serializable {

  public static final List<String> ROLES = List.of("owner", "occupant", "tenant", "family");

  public boolean current() {
    return moveOut == null;
  }

  /** The room in words as the API names it, or its number ({@code #42}) when it cannot. */
  public String room() {
    return roomLabel == null || roomLabel.isBlank() ? "#" + roomId : roomLabel;
  }
}
