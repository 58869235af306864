package org.courtyard.api.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One number on a property company's Today screen (首页), as a module computes it for one caller:
 * open alarms, bills collected this month, the collection rate. The screen is a whiteboard: each
 * module's {@link TodayTiles} contributes its own, and the console draws them without knowing the
 * module.
 *
 * @param id stable, {@code <module>.<name>} in lower case ({@code billing.collection-rate}): the
 *     console keys its layout and its drill-down on it
 * @param permission what a caller must hold to see the tile; its value is computed in the scope the
 *     caller holds it in
 * @param titleEn the title in English
 * @param titleZh the title in Chinese
 * @param value the number, or null when there is nothing to compute it from (a rate with nothing
 *     billed); money with two places, percent as 0–100 with two places
 * @param unit how to read {@code value}
 * @param currency the tenant's ISO 4217 code for {@link Unit#MONEY}, else null
 * @param tone how the console colours it
 * @param link where the number drills into: the API path (under {@code /api/v1}) of the list or
 *     report it summarises, such as {@code /api/v1/security/alarms?status=raised}
 * @param series an optional chart (such as 12 months of billed and collected), each series in the
 *     tile's unit over the same labels; empty for none
 */
public record TodayTile(
    String id,
    String permission,
    String titleEn,
    String titleZh,
    BigDecimal value,
    Unit unit,
    String currency,
    Tone tone,
    String link,
    List<Series> series) {

  /** How to read a tile's value. */
  public enum Unit {
    /** A number of things: alarms, devices, rooms. */
    COUNT,
    /** An amount in {@link TodayTile#currency()}, two places. */
    MONEY,
    /** A share in percent, 0–100, two places. */
    PERCENT
  }

  /** How the console colours a tile: what a manager should make of it. */
  public enum Tone {
    NORMAL,
    GOOD,
    WARNING,
    ALERT
  }

  /** One labelled value of a series: a month {@code 2026-12} and an amount. */
  public record Point(String label, BigDecimal value) {
    public Point {
      Objects.requireNonNull(label, "label");
    }
  }

  /** A named line or bar set of a chart, such as "Billed" / "应收" over 12 months. */
  public record Series(String titleEn, String titleZh, List<Point> points) {
    public Series {
      Objects.requireNonNull(titleEn, "titleEn");
      Objects.requireNonNull(titleZh, "titleZh");
      points = List.copyOf(points);
    }
  }

  private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9-]*)+$");

  public TodayTile {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("tile id must be <module>.<name>, lower case: " + id);
    }
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(titleEn, "titleEn");
    Objects.requireNonNull(titleZh, "titleZh");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(tone, "tone");
    if ((unit == Unit.MONEY) != (currency != null)) {
      throw new IllegalArgumentException("a currency with money, and only with money: " + id);
    }
    series = series == null ? List.of() : List.copyOf(series);
  }

  /** A count, normal tone, no chart. */
  public static TodayTile count(
      String id, String permission, String titleEn, String titleZh, long value, String link) {
    return new TodayTile(
        id,
        permission,
        titleEn,
        titleZh,
        BigDecimal.valueOf(value),
        Unit.COUNT,
        null,
        Tone.NORMAL,
        link,
        List.of());
  }

  /** An amount of money in {@code currency}, normal tone, no chart. */
  public static TodayTile money(
      String id,
      String permission,
      String titleEn,
      String titleZh,
      BigDecimal value,
      String currency,
      String link) {
    return new TodayTile(
        id,
        permission,
        titleEn,
        titleZh,
        value,
        Unit.MONEY,
        currency,
        Tone.NORMAL,
        link,
        List.of());
  }

  /** A share in percent (null: nothing to compute it from), normal tone, no chart. */
  public static TodayTile percent(
      String id, String permission, String titleEn, String titleZh, BigDecimal value, String link) {
    return new TodayTile(
        id, permission, titleEn, titleZh, value, Unit.PERCENT, null, Tone.NORMAL, link, List.of());
  }

  /** This tile in another tone. */
  public TodayTile withTone(Tone other) {
    return new TodayTile(
        id, permission, titleEn, titleZh, value, unit, currency, other, link, series);
  }

  /** This tile with a chart. */
  public TodayTile withSeries(List<Series> chart) {
    return new TodayTile(
        id, permission, titleEn, titleZh, value, unit, currency, tone, link, chart);
  }
}
