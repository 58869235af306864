package org.courtyard.workorders.internal.reports;

import java.math.BigDecimal;

/**
 * One technician's orders done in the period (their last completion in it, and finished now).
 *
 * @param done orders done
 * @param resolutionOnTime those done by their resolution deadline
 * @param onTimeShare resolutionOnTime ÷ done
 * @param avgResolutionMinutes wall-clock minutes from the report to the completion
 * @param reopened those reopened at least once before
 * @param avgRating residents' stars over the rated ones; null when none
 */
public record TechnicianRow(
    long userId,
    int done,
    int resolutionOnTime,
    BigDecimal onTimeShare,
    BigDecimal avgResolutionMinutes,
    int reopened,
    BigDecimal avgRating,
    int ratingCount) {}
