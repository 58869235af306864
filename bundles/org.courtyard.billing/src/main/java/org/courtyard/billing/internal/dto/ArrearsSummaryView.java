package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the rooms in scope owe past due on {@code asOf}, in all and by age: {@code total} and {@code
 * rooms} over every room with something past due, and per bucket (the arrears list's {@code
 * days0to30}, {@code days31to90}, {@code days90plus}) the amount and the rooms with a part of their
 * arrears in it, so a room owing in two buckets counts in both. The amounts equal the sums of the
 * arrears list's rows.
 */
public record ArrearsSummaryView(
    LocalDate asOf, String currency, BigDecimal total, long rooms, List<Bucket> buckets) {

  /**
   * One age bucket: from {@code fromDays} to {@code toDays} days past due, both included ({@code
   * toDays} null: no upper bound).
   */
  public record Bucket(String key, int fromDays, Integer toDays, BigDecimal amount, long rooms) {}
}
