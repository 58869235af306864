package org.courtyard.admin.property.devices;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A meter's last readings as an SVG line over time, drawn on the server like the Today bars and the
 * operator's traffic chart (vaadin-core only, no chart add-on). A register only grows, so the scale
 * spans the readings' own range rather than starting at zero; each point carries a title with its
 * time and value for screen readers and hover.
 */
final class MeterChart {

  static final int WIDTH = 640;
  static final int HEIGHT = 220;
  static final String COLOR = "#1676f3";

  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 28;

  /** One reading: when, and the register's value. */
  record Point(Instant at, BigDecimal value) {}

  private MeterChart() {}

  static String svg(List<Point> readings, String unit, Locale locale, String title) {
    List<Point> points = new ArrayList<>(readings);
    points.removeIf(p -> p.at() == null || p.value() == null);
    points.sort(Comparator.comparing(Point::at));
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"meter-chart\" role=\"img\"")
        .append(" width=\"100%\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"11\" aria-label=\"")
        .append(escape(title))
        .append("\">");
    s.append("<title>").append(escape(title)).append("</title>");
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    NumberFormat number = NumberFormat.getNumberInstance(locale);
    number.setMaximumFractionDigits(3);
    if (points.isEmpty()) {
      s.append("</svg>");
      return s.toString();
    }
    double low = points.stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
    double high = points.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
    if (high - low < 1e-9) {
      low = low - 1;
      high = high + 1;
    }
    long first = points.get(0).at().toEpochMilli();
    long last = points.get(points.size() - 1).at().toEpochMilli();
    for (int k = 0; k <= 2; k++) {
      double y = TOP + plotH - plotH * k / 2.0;
      double v = low + (high - low) * k / 2.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d5dd\"/>",
              LEFT,
              y,
              WIDTH - RIGHT,
              y));
      s.append(text(LEFT - 6, y + 4, "end", number.format(v) + (k == 2 ? " " + unit : "")));
    }
    StringBuilder line = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneId.systemDefault());
    for (Point p : points) {
      double x =
          last == first
              ? LEFT + plotW
              : LEFT + (double) plotW * (p.at().toEpochMilli() - first) / (last - first);
      double y = TOP + plotH - plotH * (p.value().doubleValue() - low) / (high - low);
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      dots.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"reading\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s"
                  + " %s</title></circle>",
              x,
              y,
              COLOR,
              escape(when.format(p.at())),
              escape(number.format(p.value())),
              escape(unit)));
    }
    s.append("<polyline fill=\"none\" stroke=\"")
        .append(COLOR)
        .append("\" stroke-width=\"2\" points=\"")
        .append(line)
        .append("\"/>");
    s.append(dots);
    DateTimeFormatter day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneId.systemDefault());
    s.append(text(LEFT, HEIGHT - 8, "start", day.format(points.get(0).at())));
    s.append(
        text(WIDTH - RIGHT, HEIGHT - 8, "end", day.format(points.get(points.size() - 1).at())));
    s.append("</svg>");
    return s.toString();
  }

  private static String text(double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#475467\">%s</text>",
        x,
        y,
        anchor,
        escape(content));
  }

  static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
  }
}
