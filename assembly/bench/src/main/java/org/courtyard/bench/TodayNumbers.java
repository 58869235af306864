package org.courtyard.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The numbers of a Today screen, whoever computed them: each tile's value by its id, and each point
 * of a tile's chart by {@link #point}; a value with nothing to compute it from (a rate with nothing
 * billed) is null. Lets the benchmark check that its baseline did the API's work, number by number.
 *
 * @param values tile ids and chart points to their values
 * @param currency the tenant's currency of the money tiles
 */
record TodayNumbers(Map<String, BigDecimal> values, String currency) {

  /** The months of billing's chart. */
  static final int MONTHS = 12;

  /** Money must not go through a double on its way from the JSON. */
  private static final ObjectReader JSON =
      BenchHttp.JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** The key of one point of a tile's chart: {@code tile[series]label}. */
  static String point(String tile, String series, String label) {
    return tile + "[" + series + "]" + label;
  }

  /** Parses {@code GET /today}'s answer exactly (no double in between). */
  static JsonNode parse(String body) throws IOException {
    return JSON.readTree(body);
  }

  /**
   * The numbers of {@code GET /today}'s answer.
   *
   * @throws IllegalStateException when a module is missing from it, or the tiles' money is not in
   *     one currency
   */
  static TodayNumbers of(JsonNode today) {
    if (today.path("missing").size() > 0) {
      throw new IllegalStateException("modules missing from the Today screen: " + today);
    }
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    String currency = null;
    for (JsonNode tile : today.path("tiles")) {
      String id = tile.path("id").asText();
      JsonNode value = tile.path("value");
      values.put(id, value.isNumber() ? value.decimalValue() : null);
      if (tile.path("currency").isTextual()) {
        String c = tile.path("currency").asText();
        if (currency != null && !currency.equals(c)) {
          throw new IllegalStateException("tiles in " + currency + " and " + c + ": " + today);
        }
        currency = c;
      }
      for (JsonNode series : tile.path("series")) {
        for (JsonNode p : series.path("points")) {
          values.put(
              point(id, series.path("titleEn").asText(), p.path("label").asText()),
              p.path("value").decimalValue());
        }
      }
    }
    return new TodayNumbers(values, currency);
  }

  /** The tiles' ids in the screen's order: the values that are not chart points. */
  List<String> tileIds() {
    return values.keySet().stream().filter(k -> !k.contains("[")).toList();
  }

  /** How many tiles. */
  long tiles() {
    return tileIds().size();
  }

  /** How many points all charts have together: the bars the screen draws. */
  long points() {
    return values.size() - tiles();
  }

  /**
   * What differs from {@code other}, one line each (a tile only one side has, a value that is not
   * the same number, the currency); empty when both say the same. 160.0 and 160.00 are the same.
   */
  List<String> differences(TodayNumbers other) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(currency, other.currency)) {
      out.add("currency: " + currency + " against " + other.currency);
    }
    TreeSet<String> keys = new TreeSet<>(values.keySet());
    keys.addAll(other.values.keySet());
    for (String k : keys) {
      if (!values.containsKey(k) || !other.values.containsKey(k)) {
        out.add(k + ": only on " + (values.containsKey(k) ? "this side" : "the other side"));
        continue;
      }
      BigDecimal a = values.get(k);
      BigDecimal b = other.values.get(k);
      if (a == null ? b != null : b == null || a.compareTo(b) != 0) {
        out.add(k + ": " + a + " against " + b);
      }
    }
    return out;
  }
}
