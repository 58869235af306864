package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.billing.PeriodCharge;
import org.courtyard.billing.internal.calc.LineAmount;
import org.courtyard.estate.RoomSummary;

/**
 * What other modules charge rooms in one billing run ({@link org.courtyard.billing.PeriodCharges}):
 * each charge a bill of kind {@code external} of one line in the run's period, known by its module
 * and reference as a room charge is ({@link BillWriter#writeExternal}), so the bills are on the
 * room's statement and payable like any other, the room's prepayment is used, and a reference is
 * billed once whichever run meets it. Each charge is booked to the fee item of its code, created
 * once per run when the tenant has none (a one-off item with no price of its own).
 */
final class ModuleLines {

  /** A module's charge of a room. */
  record Charge(String source, long roomId, PeriodCharge line) {}

  /** A charge with its fee item, ready to be written. */
  record Pending(String source, long roomId, String reference, BillWriter.Line line) {}

  /** What the modules charge a batch of rooms as of a period, already checked. */
  @FunctionalInterface
  interface Source {
    List<Charge> charges(YearMonth period, List<Long> roomIds);
  }

  /** The largest amount a line holds ({@code unit_price numeric(12,4)}). */
  private static final BigDecimal LIMIT = new BigDecimal("100000000");

  /**
   * What is wrong with a charge for billing, in a few words; null when it can be billed. The
   * reference, fee code and name follow the rules of a room charge's.
   */
  static String wrong(PeriodCharge c) {
    if (c == null) {
      return "no charge";
    }
    if (!text(c.reference())) {
      return "reference " + c.reference();
    }
    if (c.feeCode() == null || !c.feeCode().matches("[A-Za-z0-9._-]{1,32}")) {
      return "fee code " + c.feeCode() + " of " + c.reference();
    }
    if (!text(c.feeName()) || !text(c.text())) {
      return "fee name or text of " + c.reference();
    }
    BigDecimal amount = c.amount();
    if (amount == null
        || amount.signum() <= 0
        || amount.compareTo(LIMIT) >= 0
        || amount.stripTrailingZeros().scale() > 2) {
      return "amount " + amount + " of " + c.reference();
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
  private final Map<String, ExternalCharges.ModuleItem> feeItems = new HashMap<>();

  ModuleLines(Jdbc jdbc, Source source, YearMonth period, ZoneId zone) {
    this.jdbc = jdbc;
    this.source = source;
    this.period = period;
    this.zone = zone;
  }

  /** The modules' charges of the batch with their fee items, in the order the modules gave them. */
  List<Pending> lines(List<Long> roomIds) {
    List<Charge> charges = source.charges(period, roomIds);
    if (charges.isEmpty()) {
      return List.of();
    }
    Map<String, String> missing = new LinkedHashMap<>();
    for (Charge c : charges) {
      if (!feeItems.containsKey(c.line().feeCode())) {
        missing.putIfAbsent(c.line().feeCode(), c.line().feeName());
      }
    }
    if (!missing.isEmpty()) {
      LocalDate today = LocalDate.now(zone);
      feeItems.putAll(
          jdbc.transaction(
              c -> {
                Map<String, ExternalCharges.ModuleItem> ids = new HashMap<>();
                for (Map.Entry<String, String> e : missing.entrySet()) {
                  ids.put(e.getKey(), ExternalCharges.feeItem(c, e.getKey(), e.getValue(), today));
                }
                return ids;
              }));
    }
    int days = period.lengthOfMonth();
    List<Pending> out = new ArrayList<>(charges.size());
    for (Charge c : charges) {
      PeriodCharge l = c.line();
      BigDecimal amount = l.amount().setScale(2);
      out.add(
          new Pending(
              c.source(),
              c.roomId(),
              l.reference(),
              new BillWriter.Line(
                  feeItems.get(l.feeCode()).id(),
                  feeItems.get(l.feeCode()).code(),
                  l.text(),
                  new LineAmount(BigDecimal.ONE, amount, 1, days, days, amount, amount))));
    }
    return out;
  }

  /**
   * Writes the batch's charges not billed yet, each a bill of its own in the run's period, on the
   * writer's connection.
   *
   * @return how many were billed now
   */
  int write(
      Connection c,
      List<RoomSummary> rooms,
      List<Pending> charges,
      Catalog.Settings settings,
      Instant now)
      throws SQLException {
    if (charges.isEmpty()) {
      return 0;
    }
    Set<String> billed = billed(c, charges);
    Map<Long, RoomSummary> byId = new HashMap<>();
    rooms.forEach(r -> byId.put(r.id, r));
    int written = 0;
    for (Pending p : charges) {
      RoomSummary room = byId.get(p.roomId());
      if (room == null || billed.contains(p.source() + "\u0000" + p.reference())) {
        continue;
      }
      BillWriter.NewBill bill =
          new BillWriter.NewBill(room.id, room.estateId, room.buildingId, List.of(p.line()));
      if (BillWriter.writeExternal(c, period, p.source(), p.reference(), settings, bill, now)
          .isPresent()) {
        written++;
      }
    }
    return written;
  }

  /** The (source, reference) pairs of the charges billed already, in one read. */
  private static Set<String> billed(Connection c, List<Pending> charges) throws SQLException {
    List<String> sources = new ArrayList<>();
    List<String> references = new ArrayList<>();
    for (Pending p : charges) {
      sources.add(p.source());
      references.add(p.reference());
    }
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.source, b.reference FROM bill b"
                + " JOIN unnest(?::text[], ?::text[]) AS k(source, reference)"
                + " ON b.source = k.source AND b.reference = k.reference"
                + " WHERE b.kind = 'external'")) {
      ps.setArray(1, c.createArrayOf("text", sources.toArray()));
      ps.setArray(2, c.createArrayOf("text", references.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + "\u0000" + rs.getString(2));
        }
      }
    }
    return out;
  }
}
