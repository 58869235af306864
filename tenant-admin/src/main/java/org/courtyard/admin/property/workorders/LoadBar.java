package org.courtyard.admin.property.workorders;

import java.util.Locale;

/**
 * One technician's or team's open work as a small stacked bar, an SVG string drawn on the server
 * (no chart add-on): waiting (dispatched, not yet accepted), accepted, in progress and paused, the
 * bar's length against the busiest row's open count, with a red mark for each overdue order.
 */
final class LoadBar {

  static final int WIDTH = 200;
  static final int HEIGHT = 16;
  static final String WAITING = "#adb5bd";
  static final String ACCEPTED = "#1676f3";
  static final String IN_PROGRESS = "#2f9e44";
  static final String PAUSED = "#e8590c";
  static final String OVERDUE = "#e03131";

  private LoadBar() {}

  /** The bar of {@code row} when the busiest row has {@code max} open orders. */
  static String svg(LoadRow row, int max, String title) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wo-load-bar\" role=\"img\"")
        .append(" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" aria-label=\"")
        .append(escape(title))
        .append("\"><title>")
        .append(escape(title))
        .append("</title>");
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"0\" y=\"2\" width=\"%d\" height=\"%d\" fill=\"#f1f3f5\"/>",
            WIDTH,
            HEIGHT - 4));
    int waiting = Math.max(0, row.open() - row.accepted() - row.inProgress() - row.paused());
    double unit = max <= 0 ? 0 : (double) WIDTH / max;
    double x = 0;
    x = segment(s, x, waiting * unit, WAITING, "waiting");
    x = segment(s, x, row.accepted() * unit, ACCEPTED, "accepted");
    x = segment(s, x, row.inProgress() * unit, IN_PROGRESS, "in_progress");
    segment(s, x, row.paused() * unit, PAUSED, "paused");
    for (int i = 0; i < Math.min(row.overdue(), max); i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"overdue\" x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"2\" fill=\"%s\"/>",
              i * unit,
              Math.max(1, unit - 1),
              OVERDUE));
    }
    s.append("</svg>");
    return s.toString();
  }

  private static double segment(StringBuilder s, double x, double w, String color, String part) {
    if (w <= 0) {
      return x;
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"%s\" x=\"%.1f\" y=\"2\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
            part,
            x,
            w,
            HEIGHT - 4,
            color));
    return x + w;
  }

  static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
