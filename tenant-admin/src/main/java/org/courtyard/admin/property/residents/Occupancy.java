package org.courtyard.admin.property.residents;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * That a person owns, rents or lives in a room ({@code role}: owner, occupant, tenant, family) from
 * {@code moveIn}; current while {@code moveOut} is null. {@code sharePercent} only for owners, and
 * not always then (joint ownership without shares).
 */
public record Occupancy(
    long id,
    long personId,
    String personName,
    long roomId,
    String role,
    BigDecimal sharePercent,
    LocalDate moveIn,
    LocalDate moveOut)
    implements Serializable {

  public static final List<String> ROLES = List.of("owner", "occupant", "tenant", "family");

  public boolean current() {
    return moveOut == null;
  }
}
