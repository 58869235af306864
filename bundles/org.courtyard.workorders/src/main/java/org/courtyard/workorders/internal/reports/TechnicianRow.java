package org.courtyard.workorders.internal.reports;

import java.math.BigDecimal;

/**
 * One technician's orders done in the period (their last completion in it, and finished now).
 *
 * @param displayName the technician's name from the staff directory; null for a disabled user
 * @param done orders done
 * @param resolutionOnTime those done by their resolution deadline
 * @param onTimeShare resolutionOnTime ÷ done
 * @param avgResolutionMinutes wall-clock minutes from the report to the completion
 * @param reopened those reopened at least once before
 * @param avgRating residents' stars over the rated ones; null when none
 */
public record TechnicianRow(
    long userId,
    String displayName,
    int done,
    int resolutionOnTime,
    BigDecimal onTimeShare,
    BigDecimal avgResolutionMinutes,
    int reopened,
    BigDecimal avgRating,
    int ratingCount) {

  /** This row with the technician's name. */
  public TechnicianRow named(String name) {
    return new TechnicianRow(
        userId,
        name,
        done,
        resolutionOnTime,
        onTimeShare,
        avgResolutionMinutes,
        reopened,
        avgRating,
        ratingCount);
  }
}
