package org.courtyard.admin.property.billing;

import java.time.YearMonth;
import java.time.ZoneId;

/** Billing periods as the API writes them: a month, {@code YYYY-MM}. */
final class Periods {

  /** A month written YYYY-MM (months 01..12). */
  static final String PATTERN = "\\d{4}-(0[1-9]|1[0-2])";

  private Periods() {}

  static boolean valid(String text) {
    return text != null && text.strip().matches(PATTERN);
  }

  /** This month where the console runs; the API bills in the tenant's zone, days apart at most. */
  static String current() {
    return YearMonth.now(ZoneId.systemDefault()).toString();
  }
}
