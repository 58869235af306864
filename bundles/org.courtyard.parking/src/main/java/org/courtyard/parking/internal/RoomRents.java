package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.jdbc.Jdbc;

/**
 * What parking charges rooms in a month, for billing's runs: the rent of each active lease that
 * names a room, for every term (a month, a quarter or a year from the lease's first day) that
 * begins in the month, and the management fee of each owned space whose owner on the month's first
 * day names a room. A term begins on the lease's first day plus whole terms (from a 31 January
 * start the monthly terms begin on 28 or 29 February, 31 March, …), so every term is charged in
 * exactly one month and a lease of N terms in N charges. A cancelled lease is charged no more.
 */
public final class RoomRents {

  /** One line: {@code kind} {@code rent} or {@code fee}, the space, the term's first day. */
  public record Rent(
      String kind, String lotCode, String spaceNumber, LocalDate from, BigDecimal amount) {}

  private final Jdbc jdbc;

  RoomRents(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The lines of {@code month} per room of {@code roomIds}, leases first, each by id. */
  Map<Long, List<Rent>> of(YearMonth month, List<Long> roomIds) {
    LocalDate first = month.atDay(1);
    LocalDate next = month.plusMonths(1).atDay(1);
    return jdbc.read(
        c -> {
          Map<Long, List<Rent>> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.room_id, b.rent, b.term, b.terms,"
                      + " (lower(b.period) AT TIME ZONE z.time_zone)::date, l.code, s.number"
                      + " FROM parking_booking b JOIN parking_space s ON s.id = b.space_id"
                      + " JOIN parking_lot l ON l.id = s.lot_id CROSS JOIN parking_settings z"
                      + " WHERE b.room_id = ANY(?) AND b.state = 'active' AND b.kind = 'lease'"
                      + " AND lower(b.period) < ?::date::timestamp AT TIME ZONE z.time_zone"
                      + " AND upper(b.period) > ?::date::timestamp AT TIME ZONE z.time_zone"
                      + " ORDER BY b.room_id, b.id")) {
            ps.setArray(1, Jdbc.bigints(c, roomIds));
            ps.setDate(2, Date.valueOf(next));
            ps.setDate(3, Date.valueOf(first));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                LocalDate start = rs.getObject(5, LocalDate.class);
                LocalDate term = termBeginning(start, rs.getString(3), rs.getInt(4), month);
                if (term != null) {
                  out.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>())
                      .add(
                          new Rent(
                              "rent", rs.getString(6), rs.getString(7), term, rs.getBigDecimal(2)));
                }
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.room_id, o.monthly_fee, l.code, s.number FROM parking_space_owner o"
                      + " JOIN parking_space s ON s.id = o.space_id"
                      + " JOIN parking_lot l ON l.id = s.lot_id"
                      + " WHERE o.room_id = ANY(?) AND o.since <= ? AND (o.until IS NULL"
                      + " OR o.until > ?) ORDER BY o.room_id, o.id")) {
            ps.setArray(1, Jdbc.bigints(c, roomIds));
            ps.setDate(2, Date.valueOf(first));
            ps.setDate(3, Date.valueOf(first));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>())
                    .add(
                        new Rent(
                            "fee", rs.getString(3), rs.getString(4), first, rs.getBigDecimal(2)));
              }
            }
          }
          return out;
        });
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
    long since = YearMonth.from(start).until(month, java.time.temporal.ChronoUnit.MONTHS);
    if (since < 0 || since % months != 0 || since / months >= terms) {
      return null;
    }
    return start.plusMonths(since);
  }
}
