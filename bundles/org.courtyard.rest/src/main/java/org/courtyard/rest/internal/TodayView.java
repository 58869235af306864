package org.courtyard.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.rest.TodayTile;

/**
 * The Today screen (首页) of a caller: the tiles of every enabled module the caller may see, and the
 * modules whose tiles could not be had this time.
 *
 * @param missing ids of the modules that failed or did not answer in time; their tiles are absent
 */
public record TodayView(
    String tenant, Instant generatedAt, List<Tile> tiles, List<String> missing) {

  /**
   * One tile.
   *
   * @param module the module that contributed it (its id is {@code <module>.<name>})
   * @param unit {@code count}, {@code money} (in {@code currency}) or {@code percent} (0–100)
   * @param tone {@code normal}, {@code good}, {@code warning} or {@code alert}
   * @param link the API path the number drills into
   * @param series an optional chart: series in the tile's unit over the same labels
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
      List<TodayTile.Series> series) {

    static Tile of(TodayTile t) {
      int dot = t.id().indexOf('.');
      return new Tile(
          t.id(),
          dot < 0 ? t.id() : t.id().substring(0, dot),
          t.permission(),
          t.titleEn(),
          t.titleZh(),
          t.value(),
          t.unit().name().toLowerCase(Locale.ROOT),
          t.currency(),
          t.tone().name().toLowerCase(Locale.ROOT),
          t.link(),
          t.series());
    }
  }
}
