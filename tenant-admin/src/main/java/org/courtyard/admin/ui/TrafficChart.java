package org.courtyard.admin.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.courtyard.admin.api.Traffic;

/**
 * API requests and ingested device messages per minute as an SVG line chart, drawn on the server
 * (no chart add-on: the console uses vaadin-core only).
 */
final class TrafficChart {

  static final int WIDTH = 720;
  static final int HEIGHT = 240;
  static final String API_COLOR = "#1676f3";
  static final String INGEST_COLOR = "#e8590c";

  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int BOTTOM = 28;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  private TrafficChart() {}

  static String svg(Traffic t, String title, String apiLabel, String ingestLabel, String noData) {
    int n = Math.min(t.minutes().size(), Math.min(t.api().size(), t.ingest().size()));
    int max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(value(t.api(), i), value(t.ingest(), i)));
    }
    int top = niceCeiling(max);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"traffic-chart\" role=\"img\"")
        .append(" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">");
    s.append("<title>").append(escape(title)).append("</title>");
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    // horizontal grid lines and y labels: 0, half, top
    for (int k = 0; k <= 2; k++) {
      double y = TOP + plotH - plotH * k / 2.0;
      s.append(line(LEFT, y, WIDTH - RIGHT, y, "#d0d5dd"));
      s.append(text(LEFT - 6, y + 4, "end", String.valueOf(top * k / 2)));
    }
    // legend
    s.append(rect(LEFT, 8, API_COLOR)).append(text(LEFT + 14, 17, "start", apiLabel));
    s.append(rect(LEFT + 160, 8, INGEST_COLOR)).append(text(LEFT + 174, 17, "start", ingestLabel));
    if (n == 0) {
      s.append(text(LEFT + plotW / 2.0, TOP + plotH / 2.0, "middle", noData));
    } else {
      s.append(polyline(t.api(), n, top, plotW, plotH, API_COLOR, "api"));
      s.append(polyline(t.ingest(), n, top, plotW, plotH, INGEST_COLOR, "ingest"));
      int[] ticks = n == 1 ? new int[] {0} : new int[] {0, (n - 1) / 2, n - 1};
      for (int i : ticks) {
        Instant minute = t.minutes().get(i);
        String anchor = i == 0 ? "start" : i == n - 1 ? "end" : "middle";
        s.append(
            text(x(i, n, plotW), HEIGHT - 8, anchor, minute == null ? "" : CLOCK.format(minute)));
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  /** 0 becomes 1 (an empty chart still has a scale); else rounded up to 1, 2 or 5 × 10^k. */
  static int niceCeiling(int max) {
    if (max <= 1) {
      return 1;
    }
    int magnitude = 1;
    while (magnitude * 10L <= max) {
      magnitude *= 10;
    }
    for (int step : new int[] {1, 2, 5, 10}) {
      if ((long) step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static int value(List<Integer> values, int i) {
    Integer v = values.get(i);
    return v == null ? 0 : Math.max(0, v);
  }

  private static double x(int i, int n, int plotW) {
    return n <= 1 ? LEFT + plotW : LEFT + (double) plotW * i / (n - 1);
  }

  private static String polyline(
      List<Integer> values, int n, int top, int plotW, int plotH, String color, String name) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double y = TOP + plotH - (double) plotH * value(values, i) / top;
      if (i > 0) {
        points.append(' ');
      }
      points.append(format(x(i, n, plotW))).append(',').append(format(y));
    }
    return "<polyline class=\"series-"
        + name
        + "\" fill=\"none\" stroke=\""
        + color
        + "\" stroke-width=\"2\" points=\""
        + points
        + "\"/>";
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return "<line x1=\""
        + format(x1)
        + "\" y1=\""
        + format(y1)
        + "\" x2=\""
        + format(x2)
        + "\" y2=\""
        + format(y2)
        + "\" stroke=\""
        + color
        + "\" stroke-width=\"1\"/>";
  }

  private static String rect(double x, double y, String color) {
    return "<rect x=\""
        + format(x)
        + "\" y=\""
        + format(y)
        + "\" width=\"10\" height=\"10\" fill=\""
        + color
        + "\"/>";
  }

  private static String text(double x, double y, String anchor, String content) {
    return "<text x=\""
        + format(x)
        + "\" y=\""
        + format(y)
        + "\" text-anchor=\""
        + anchor
        + "\" fill=\"#4a5568\">"
        + escape(content)
        + "</text>";
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
