package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * Collection (收缴率) of one period: billed is the total of its bills that are not cancelled,
 * collected what has been applied to them (payments and prepayment), rate = collected / billed with
 * four places (null when nothing was billed).
 */
public record CollectionStats(
    String period,
    String currency,
    BigDecimal billed,
    BigDecimal collected,
    BigDecimal rate,
    List<BuildingGroup> buildings,
    List<FeeItemGroup> feeItems) {

  public record BuildingGroup(
      long buildingId, BigDecimal billed, BigDecimal collected, BigDecimal rate) {}

  /** Per fee item, a bill's collected amount is split over its lines pro rata. */
  public record FeeItemGroup(
      long feeItemId,
      String feeCode,
      String feeName,
      BigDecimal billed,
      BigDecimal collected,
      BigDecimal rate) {}
}
