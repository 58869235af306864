package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A lot's temporary-parking tariff as {@code GET /parking/lots/{id}/tariff} answers it; night times
 * {@code HH:mm} or null; {@code graceMinutes} a stay paid ahead has to leave; {@code
 * visitorMinutes} the free time a resident's visitor grant gives.
 */
public record Tariff(
    long lotId,
    int freeMinutes,
    int firstMinutes,
    BigDecimal firstPrice,
    int unitMinutes,
    BigDecimal unitPrice,
    String nightFrom,
    String nightTo,
    BigDecimal nightUnitPrice,
    BigDecimal capPer24h,
    int graceMinutes,
    int visitorMinutes,
    int version)
    implements Serializable {

  /** The body of {@code PUT /parking/lots/{id}/tariff}; {@code version} null for a first one. */
  public record Input(
      Integer freeMinutes,
      Integer firstMinutes,
      BigDecimal firstPrice,
      Integer unitMinutes,
      BigDecimal unitPrice,
      String nightFrom,
      String nightTo,
      BigDecimal nightUnitPrice,
      BigDecimal capPer24h,
      Integer graceMinutes,
      Integer visitorMinutes,
      Integer version) {}
}
