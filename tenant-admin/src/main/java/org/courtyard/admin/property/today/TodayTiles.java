package org.courtyard.admin.property.today;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /today}: the tiles the modules contribute for the signed-in staff member, and the
 * modules that could not answer ({@code missing}).
 */
public record TodayTiles(List<Tile> tiles, List<String> missing) implements Serializable {

  public TodayTiles {
    tiles = tiles == null ? List.of() : List.copyOf(tiles);
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  /**
   * One number of a module: {@code unit} count, money (with {@code currency}) or percent (0–100);
   * {@code tone} normal, good, warning or alert; {@code link} the console route that shows more.
   */
  public record Tile(
      String id,
      String module,
      String permission,
      String titleEn,
      String titleZh,
      BigDecimal value,
      String unit,
      String currency,
      String tone,
      String link,
      List<Series> series)
      implements Serializable {

    public Tile {
      series = series == null ? List.of() : List.copyOf(series);
    }

    public String title(Locale locale) {
      return zh(locale) && titleZh != null && !titleZh.isBlank() ? titleZh : titleEn;
    }
  }

  /** A named row of values over labels (months), e.g. billed and collected. */
  public record Series(String titleEn, String titleZh, List<Point> points) implements Serializable {

    public Series {
      points = points == null ? List.of() : List.copyOf(points);
    }

    public String name(Locale locale) {
      return zh(locale) && titleZh != null && !titleZh.isBlank() ? titleZh : titleEn;
    }
  }

  public record Point(String label, BigDecimal value) implements Serializable {}

  static boolean zh(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }
}
