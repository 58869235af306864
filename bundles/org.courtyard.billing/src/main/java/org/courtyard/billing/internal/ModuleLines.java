package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.billing.PeriodCharge;
import org.courtyard.billing.internal.calc.LineAmount;

/**
 * The lines other modules charge rooms for a run's period ({@link
 * org.courtyard.billing.PeriodCharges}), as bill lines of one billing run: each booked to the fee
 * item of its code, created once per run when the tenant has none (a one-off item with no price of
 * its own, as for a room charge), for the whole month (quantity 1, the amount as unit price).
 */
final class ModuleLines {

  /** What the modules charge a batch of rooms for a period, already checked. */
  @FunctionalInterface
  interface Source {
    Map<Long, List<PeriodCharge>> charges(YearMonth period, List<Long> roomIds);

    Source NONE = (period, roomIds) -> Map.of();
  }

  /**
   * What is wrong with a line for billing, in a few words; null when it can be booked. The fee code
   * and name follow the rules of a room charge's.
   */
  static String wrong(PeriodCharge line) {
    if (line == null) {
      return "no line";
    }
    if (line.feeCode() == null || !line.feeCode().matches("[A-Za-z0-9._-]{1,32}")) {
      return "fee code " + line.feeCode();
    }
    if (!text(line.feeName())) {
      return "fee name of " + line.feeCode();
    }
    if (!text(line.text())) {
      return "text of " + line.feeCode();
    }
    BigDecimal amount = line.amount();
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      return "amount " + amount + " of " + line.feeCode();
    }
    return null;
  }

  private static boolean text(String value) {
    return value != null && !value.isBlank() && value.length() <= 100;
  }

  private final Jdbc jdbc;
  private final Source source;
  private final YearMonth period;
  private final ZoneId zone;
  private final Map<String, Long> feeItems = new HashMap<>();

  ModuleLines(Jdbc jdbc, Source source, YearMonth period, ZoneId zone) {
    this.jdbc = jdbc;
    this.source = source;
    this.period = period;
    this.zone = zone;
  }

  /** The modules' lines per room of the batch, in the order the modules gave them. */
  Map<Long, List<BillWriter.Line>> lines(List<Long> roomIds) {
    Map<Long, List<PeriodCharge>> charges = source.charges(period, roomIds);
    if (charges.isEmpty()) {
      return Map.of();
    }
    Map<String, String> missing = new LinkedHashMap<>();
    charges.values().stream()
        .flatMap(List::stream)
        .filter(c -> !feeItems.containsKey(c.feeCode()))
        .forEach(c -> missing.putIfAbsent(c.feeCode(), c.feeName()));
    if (!missing.isEmpty()) {
      LocalDate today = LocalDate.now(zone);
      feeItems.putAll(
          jdbc.transaction(
              c -> {
                Map<String, Long> ids = new HashMap<>();
                for (Map.Entry<String, String> e : missing.entrySet()) {
                  ids.put(e.getKey(), ExternalCharges.feeItem(c, e.getKey(), e.getValue(), today));
                }
                return ids;
              }));
    }
    int days = period.lengthOfMonth();
    Map<Long, List<BillWriter.Line>> out = new HashMap<>();
    charges.forEach(
        (room, list) -> {
          List<BillWriter.Line> lines = new ArrayList<>(list.size());
          for (PeriodCharge c : list) {
            BigDecimal amount = c.amount().setScale(2);
            lines.add(
                new BillWriter.Line(
                    feeItems.get(c.feeCode()),
                    c.feeCode(),
                    c.text(),
                    new LineAmount(BigDecimal.ONE, amount, 1, days, days, amount, amount)));
          }
          out.put(room, lines);
        });
    return out;
  }
}
