package org.courtyard.admin.property.parking;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A lot drawn as its spaces, an SVG string made on the server (no chart add-on): a band per level,
 * highest first, each space a tile with its number, filled by what holds it now (free, leased,
 * reserved, sold to an owner, out of service), with a dot where a sensor watches it (red taken,
 * green free, grey not reported yet). Every tile carries a title, which browsers show on hover and
 * screen readers read.
 */
final class SpaceMap {

  /** What a tile's fill says, in the legend's order. */
  enum Status {
    FREE("#ffffff"),
    LEASED("#74c0fc"),
    RESERVED("#ffd43b"),
    OWNED("#b197fc"),
    OUT_OF_SERVICE("#ced4da");

    final String fill;

    Status(String fill) {
      this.fill = fill;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a tile's dot says. */
  enum Sensed {
    TAKEN("#e03131"),
    FREE("#2f9e44"),
    UNKNOWN("#adb5bd");

    final String fill;

    Sensed(String fill) {
      this.fill = fill;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final int COLUMNS = 16;
  static final int TILE_W = 76;
  static final int TILE_H = 38;
  static final int GAP = 6;
  static final int LEVEL_H = 22;

  private SpaceMap() {}

  static Status status(LotMap.Tile t) {
    if (!"in_service".equals(t.space().state())) {
      return Status.OUT_OF_SERVICE;
    }
    if ("lease".equals(t.heldBy())) {
      return Status.LEASED;
    }
    if ("reservation".equals(t.heldBy())) {
      return Status.RESERVED;
    }
    return t.space().ownerName() != null ? Status.OWNED : Status.FREE;
  }

  /** The sensor's word on the space, or null where no sensor watches it. */
  static Sensed sensed(LotMap.Tile t) {
    if (t.space().sensorDeviceId() == null) {
      return null;
    }
    Boolean occupied = t.space().occupied();
    return occupied == null ? Sensed.UNKNOWN : occupied ? Sensed.TAKEN : Sensed.FREE;
  }

  /** How many tiles show each status. */
  static Map<Status, Integer> counts(List<LotMap.Tile> tiles) {
    Map<Status, Integer> out = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      out.put(s, 0);
    }
    for (LotMap.Tile t : tiles) {
      out.merge(status(t), 1, Integer::sum);
    }
    return out;
  }

  /** How many watched spaces report each state. */
  static Map<Sensed, Integer> sensedCounts(List<LotMap.Tile> tiles) {
    Map<Sensed, Integer> out = new EnumMap<>(Sensed.class);
    for (Sensed s : Sensed.values()) {
      out.put(s, 0);
    }
    for (LotMap.Tile t : tiles) {
      Sensed s = sensed(t);
      if (s != null) {
        out.merge(s, 1, Integer::sum);
      }
    }
    return out;
  }

  /**
   * The map of {@code tiles} (in the answer's order: level by level, highest first), {@code title}
   * giving each tile's words and {@code level} each band's name.
   */
  static String svg(
      List<LotMap.Tile> tiles,
      Function<LotMap.Tile, String> title,
      IntFunction<String> level,
      String label) {
    int widest = 0;
    int height = GAP;
    Integer current = null;
    int inRow = 0;
    for (LotMap.Tile t : tiles) {
      if (current == null || t.space().level() != current) {
        current = t.space().level();
        height += LEVEL_H + TILE_H + GAP;
        inRow = 0;
      } else if (inRow == COLUMNS) {
        height += TILE_H + GAP;
        inRow = 0;
      }
      inRow++;
      widest = Math.max(widest, inRow);
    }
    int width = GAP + Math.max(1, widest) * (TILE_W + GAP);
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"parking-map\" role=\"img\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" aria-label=\"%s\">"
                + "<title>%s</title>",
            width,
            height,
            width,
            height,
            escape(label),
            escape(label)));
    int y = GAP;
    int x = GAP;
    current = null;
    inRow = 0;
    for (LotMap.Tile t : tiles) {
      if (current == null || t.space().level() != current) {
        if (current != null) {
          y += TILE_H + GAP;
        }
        current = t.space().level();
        s.append(
            String.format(
                Locale.ROOT,
                "<text class=\"level\" x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"600\""
                    + " fill=\"#495057\">%s</text>",
                GAP,
                y + 15,
                escape(level.apply(current))));
        y += LEVEL_H;
        x = GAP;
        inRow = 0;
      } else if (inRow == COLUMNS) {
        y += TILE_H + GAP;
        x = GAP;
        inRow = 0;
      }
      tile(s, t, x, y, title.apply(t));
      x += TILE_W + GAP;
      inRow++;
    }
    s.append("</svg>");
    return s.toString();
  }

  private static void tile(StringBuilder s, LotMap.Tile t, int x, int y, String title) {
    Status status = status(t);
    s.append(
        String.format(
            Locale.ROOT,
            "<g class=\"space %s\" data-number=\"%s\"><title>%s</title>"
                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\""
                + " stroke=\"#868e96\" stroke-width=\"1\"%s/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\""
                + " fill=\"#212529\">%s</text>",
            status.key(),
            escape(t.space().number()),
            escape(title),
            x,
            y,
            TILE_W,
            TILE_H,
            status.fill,
            "visitor".equals(t.space().kind()) ? " stroke-dasharray=\"4 2\"" : "",
            x + TILE_W / 2,
            y + TILE_H / 2 + 4,
            escape(shortNumber(t.space().number()))));
    Sensed sensed = sensed(t);
    if (sensed != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"sensed %s\" cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>",
              sensed.key(),
              x + TILE_W - 7,
              y + 7,
              sensed.fill));
    }
    s.append("</g>");
  }

  /** A number longer than a tile holds keeps its end, where spaces differ. */
  static String shortNumber(String number) {
    return number.length() <= 11 ? number : "…" + number.substring(number.length() - 10);
  }

  static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
