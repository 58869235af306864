package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.time.LocalDate;

/** A monthly card (月卡): the plate may enter the lot on every day from first to last. */
public record Card(
    long id,
    long lotId,
    String lotName,
    String plate,
    Long personId,
    String holderName,
    String holderPhone,
    LocalDate firstDay,
    LocalDate lastDay,
    String state,
    boolean validToday,
    String cancelReason,
    String note,
    int version)
    implements Serializable {

  public boolean active() {
    return "active".equals(state);
  }

  /** The body of {@code POST /parking/cards}; days are {@code YYYY-MM-DD}. */
  public record Input(
      Long lotId,
      String plate,
      String holderName,
      String holderPhone,
      String firstDay,
      String lastDay,
      String note) {}
}
