package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.jdbc.Jdbc;

/**
 * What parking charges rooms as of a month, for billing's runs: the rent of each active lease that
 * names a room, for every term (a month, a quarter or a year from the lease's first day) that began
 * by the end of the month, and the management fee of each owned space for every month whose first
 * day its owner, naming a room, held it on. Each charge has a reference of its own ({@code
 * lease-<id>-<term's first day>}, {@code owner-<id>-<month>}) that billing bills once, so a month
 * is asked again harmlessly and a term no run billed yet (a lease recorded after its first month
 * was billed) is billed by the next run.
 *
 * <p>The charges looked at are those of the month and the {@value #CATCH_UP} before it, and none
 * from before the month the lease or the owner was recorded in: a lease recorded with a first day
 * long past starts charging from then (the earlier terms were settled outside), and a month missed
 * by every run for longer than that is not charged. A term begins on the lease's first day plus
 * whole terms (from a 31 January start the monthly terms begin on 28 or 29 February, 31 March, …),
 * so every term has one reference. A cancelled lease is charged no more.
 */
public final class RoomRents {

  /** Months before the asked one whose charges are looked at again. */
  static final int CATCH_UP = 2;

  /**
   * One charge: {@code kind} {@code rent} or {@code fee}, the space, the term's or month's first
   * day, and its reference.
   */
  public record Rent(
      String kind,
      String reference,
      String lotCode,
      String spaceNumber,
      LocalDate from,
      BigDecimal amount) {}

  private final Jdbc jdbc;

  RoomRents(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The charges as of {@code month} per room of {@code roomIds}, leases first, oldest first. */
  Map<Long, List<Rent>> of(YearMonth month, List<Long> roomIds) {
    YearMonth first = month.minusMonths(CATCH_UP);
    return jdbc.read(
        c -> {
          Map<Long, List<Rent>> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.id, b.room_id, b.rent, b.term, b.terms,"
                      + " (lower(b.period) AT TIME ZONE z.time_zone)::date,"
                      + " (b.created_at AT TIME ZONE z.time_zone)::date, l.code, s.number"
                      + " FROM parking_booking b JOIN parking_space s ON s.id = b.space_id"
                      + " JOIN parking_lot l ON l.id = s.lot_id CROSS JOIN parking_settings z"
                      + " WHERE b.room_id = ANY(?) AND b.state = 'active' AND b.kind = 'lease'"
                      + " AND lower(b.period) < ?::date::timestamp AT TIME ZONE z.time_zone"
                      + " AND upper(b.period) > ?::date::timestamp AT TIME ZONE z.time_zone"
                      + " ORDER BY b.room_id, b.id")) {
            ps.setArray(1, Jdbc.bigints(c, roomIds));
            ps.setDate(2, Date.valueOf(month.plusMonths(1).atDay(1)));
            ps.setDate(3, Date.valueOf(first.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                LocalDate start = rs.getObject(6, LocalDate.class);
                YearMonth recorded = YearMonth.from(rs.getObject(7, LocalDate.class));
                for (YearMonth m = later(first, recorded); !m.isAfter(month); m = m.plusMonths(1)) {
                  LocalDate term = termBeginning(start, rs.getString(4), rs.getInt(5), m);
                  if (term != null) {
                    out.computeIfAbsent(rs.getLong(2), r -> new ArrayList<>())
                        .add(
                            new Rent(
                                "rent",
                                "lease-" + rs.getLong(1) + "-" + term,
                                rs.getString(8),
                                rs.getString(9),
                                term,
                                rs.getBigDecimal(3)));
                  }
                }
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.id, o.room_id, o.monthly_fee, o.since, o.until,"
                      + " (o.recorded_at AT TIME ZONE z.time_zone)::date, l.code, s.number"
                      + " FROM parking_space_owner o JOIN parking_space s ON s.id = o.space_id"
                      + " JOIN parking_lot l ON l.id = s.lot_id CROSS JOIN parking_settings z"
                      + " WHERE o.room_id = ANY(?) AND o.since <= ? AND (o.until IS NULL"
                      + " OR o.until > ?) ORDER BY o.room_id, o.id")) {
            ps.setArray(1, Jdbc.bigints(c, roomIds));
            ps.setDate(2, Date.valueOf(month.atDay(1)));
            ps.setDate(3, Date.valueOf(first.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                LocalDate since = rs.getObject(4, LocalDate.class);
                LocalDate until = rs.getObject(5, LocalDate.class);
                YearMonth recorded = YearMonth.from(rs.getObject(6, LocalDate.class));
                for (YearMonth m = later(first, recorded); !m.isAfter(month); m = m.plusMonths(1)) {
                  LocalDate day = m.atDay(1);
                  if (!since.isAfter(day) && (until == null || until.isAfter(day))) {
                    out.computeIfAbsent(rs.getLong(2), r -> new ArrayList<>())
                        .add(
                            new Rent(
                                "fee",
                                "owner-" + rs.getLong(1) + "-" + m,
                                rs.getString(7),
                                rs.getString(8),
                                day,
                                rs.getBigDecimal(3)));
                  }
                }
              }
            }
          }
          return out;
        });
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The first day of the lease's term that begins in {@code month}; null when none does.
   *
   * @param term {@code monthly}, {@code quarterly} or {@code yearly}
   * @param terms how many terms the lease runs
   */
  static LocalDate termBeginning(LocalDate start, String term, int terms, YearMonth month) {
    int months =
        switch (term) {
          case "monthly" -> 1;
          case "quarterly" -> 3;
          default -> 12;
        };
    long since = YearMonth.from(start).until(month, ChronoUnit.MONTHS);
    if (since < 0 || since % months != 0 || since / months >= terms) {
      return null;
    }
    return start.plusMonths(since);
  }
}
