package org.courtyard.admin.property.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A bucket's share of the arrears as one small horizontal bar, an SVG string drawn on the server
 * like the Today screen's charts: no chart add-on, no frontend code. The bar is as long as the
 * bucket's amount is against the largest bucket's, so the three bars compare at a glance.
 */
final class AgingBars {

  static final int WIDTH = 200;
  static final int HEIGHT = 12;

  /** The oldest arrears in the strongest colour: what a reminder is about. */
  static final String[] COLORS = {"#f59f00", "#e8590c", "#c92a2a"};

  private AgingBars() {}

  /**
   * @param index the bucket's place, youngest first (its colour)
   * @param largest the largest bucket's amount (zero: an empty bar)
   * @param title what the bar says to a screen reader and as a tooltip
   */
  static String svg(int index, BigDecimal amount, BigDecimal largest, String title) {
    double share =
        largest == null || largest.signum() <= 0 || amount == null || amount.signum() <= 0
            ? 0
            : amount.divide(largest, 4, RoundingMode.HALF_UP).doubleValue();
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"aging-bar\" role=\"img\" width=\"100%%\""
            + " viewBox=\"0 0 %d %d\" preserveAspectRatio=\"none\" aria-label=\"%s\">"
            + "<title>%s</title>"
            + "<rect width=\"%d\" height=\"%d\" rx=\"3\" fill=\"#eaecf0\"/>"
            + "<rect class=\"bar\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\"/></svg>",
        WIDTH,
        HEIGHT,
        escape(title),
        escape(title),
        WIDTH,
        HEIGHT,
        WIDTH * share,
        HEIGHT,
        COLORS[Math.floorMod(index, COLORS.length)]);
  }

  static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
