package org.courtyard.workorders.internal.reports;

import java.math.BigDecimal;

/**
 * One category's orders reported in the period (or all of them: the totals, without a category):
 * how many, where they stand now, whether their deadlines were met, how long they took, how many
 * came back, and what residents said.
 *
 * @param reported orders reported in the period
 * @param open orders still new, dispatched, accepted, in progress or paused
 * @param responseOnTime orders accepted or grabbed by their response deadline
 * @param responseLate orders accepted or grabbed after it
 * @param resolutionOnTime finished orders (done, confirmed, closed) done by their resolution
 *     deadline (the last one, after a reopen)
 * @param resolutionLate finished orders done after it
 * @param avgResponseMinutes wall-clock minutes from the report to the response, over the responded
 *     orders; null when none
 * @param avgResolutionMinutes wall-clock minutes from the report to the (last) completion, over the
 *     finished orders; null when none
 * @param reopened orders reopened at least once
 * @param reopenRate reopened ÷ orders finished at least once (finished now, or reopened); null when
 *     none
 * @param avgRating residents' stars (1 to 5) over the rated orders; null when none
 * @param avgSatisfaction the satisfaction (1 to 5) of each order's latest return visit that reached
 *     the resident; null when none
 * @param visitCount orders with such a visit
 */
public record SummaryRow(
    Long categoryId,
    String code,
    String nameEn,
    String nameZh,
    String kind,
    int reported,
    int open,
    int done,
    int confirmed,
    int closed,
    int cancelled,
    int responseOnTime,
    int responseLate,
    int resolutionOnTime,
    int resolutionLate,
    BigDecimal avgResponseMinutes,
    BigDecimal avgResolutionMinutes,
    int reopened,
    BigDecimal reopenRate,
    BigDecimal avgRating,
    int ratingCount,
    BigDecimal avgSatisfaction,
    int visitCount) {}
