package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.util.Set;

/** A space of a lot as {@code GET /parking/spaces} lists it, with a sold space's current owner. */
public record Space(
    long id,
    long lotId,
    long estateId,
    String number,
    String kind,
    int level,
    String size,
    String state,
    int version,
    String ownerName)
    implements Serializable {

  /** The kinds a lease may hold; a visitor space is reserved instead. */
  static final Set<String> LEASABLE = Set.of("owned", "rented", "ev_charging", "accessible");

  public boolean leasable() {
    return LEASABLE.contains(kind) && "in_service".equals(state);
  }

  /** The body of {@code POST /parking/spaces/{id}/owners}; {@code since} is {@code YYYY-MM-DD}. */
  /** With {@code roomId} and {@code monthlyFee} the space's fee goes on that room's bills. */
  public record OwnerInput(
      String holderName,
      String holderPhone,
      String since,
      String note,
      Long roomId,
      java.math.BigDecimal monthlyFee) {}

  /** The body of {@code POST /parking/lots/{id}/spaces}: a numbered range. */
  public record Range(
      String prefix, Integer from, Integer to, Integer digits, String kind, Integer level) {}
}
