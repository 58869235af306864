package org.courtyard.admin.property.today;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A tile's series as grouped bars (e.g. 12 months of billed vs collected), an SVG string drawn on
 * the server like the operator console's traffic chart: no chart add-on, no frontend code.
 */
public final class TodayChart {

  static final int WIDTH = 360;
  static final int HEIGHT = 170;
  static final String[] COLORS = {"#1676f3", "#2f9e44", "#e8590c", "#7048e8"};

  private static final int LEFT = 44;
  private static final int RIGHT = 6;
  private static final int TOP = 22;
  private static final int BOTTOM = 22;

  private TodayChart() {}

  public static String svg(List<TodayTiles.Series> series, Locale locale, String title) {
    List<String> labels = new ArrayList<>(new LinkedHashSet<>(labelsOf(series)));
    double max = 0;
    for (TodayTiles.Series s : series) {
      for (TodayTiles.Point p : s.points()) {
        max = Math.max(max, value(p.value()));
      }
    }
    double top = niceCeiling(max);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"today-chart\" role=\"img\"")
        .append(" width=\"100%\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"9\" aria-label=\"")
        .append(escape(title))
        .append("\">");
    s.append("<title>").append(escape(title)).append("</title>");
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    NumberFormat compact = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
    for (int k = 0; k <= 2; k++) {
      double y = TOP + plotH - plotH * k / 2.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d5dd\"/>",
              LEFT,
              y,
              WIDTH - RIGHT,
              y));
      s.append(text(LEFT - 4, y + 3, "end", compact.format(top * k / 2)));
    }
    int x = LEFT;
    for (int i = 0; i < series.size(); i++) {
      String name = series.get(i).name(locale);
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"6\" width=\"9\" height=\"9\" fill=\"%s\"/>",
              x,
              COLORS[i % COLORS.length]));
      s.append(text(x + 12, 14, "start", name));
      x += 24 + 6 * name.length();
    }
    if (!labels.isEmpty() && !series.isEmpty()) {
      double group = (double) plotW / labels.size();
      double bar = Math.max(1, (group - 4) / series.size());
      for (int l = 0; l < labels.size(); l++) {
        double gx = LEFT + l * group + 2;
        for (int i = 0; i < series.size(); i++) {
          double v = valueAt(series.get(i), labels.get(l));
          double h = top == 0 ? 0 : plotH * v / top;
          s.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                      + " fill=\"%s\"><title>%s %s: %s</title></rect>",
                  gx + i * bar,
                  TOP + plotH - h,
                  bar,
                  h,
                  COLORS[i % COLORS.length],
                  escape(series.get(i).name(locale)),
                  escape(labels.get(l)),
                  escape(NumberFormat.getNumberInstance(locale).format(v))));
        }
        s.append(text(gx + (group - 4) / 2, HEIGHT - 8, "middle", shortLabel(labels.get(l))));
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  private static List<String> labelsOf(List<TodayTiles.Series> series) {
    List<String> labels = new ArrayList<>();
    for (TodayTiles.Series s : series) {
      for (TodayTiles.Point p : s.points()) {
        labels.add(p.label() == null ? "" : p.label());
      }
    }
    return labels;
  }

  private static double valueAt(TodayTiles.Series s, String label) {
    for (TodayTiles.Point p : s.points()) {
      if (label.equals(p.label() == null ? "" : p.label())) {
        return value(p.value());
      }
    }
    return 0;
  }

  private static double value(BigDecimal v) {
    return v == null ? 0 : Math.max(0, v.doubleValue());
  }

  /** "2026-03" becomes "03": twelve months must fit under their bars. */
  static String shortLabel(String label) {
    return label.matches("\\d{4}-\\d{2}") ? label.substring(5) : label;
  }

  static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
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
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
