package org.courtyard.workorders.internal.deadlines;

import java.util.Locale;

/** How soon an order must be answered and fixed; each category sets the times per priority. */
public enum Priority {
  NORMAL,
  URGENT,
  /** Burst pipe, stuck lift with someone inside: the shortest times. */
  EMERGENCY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
