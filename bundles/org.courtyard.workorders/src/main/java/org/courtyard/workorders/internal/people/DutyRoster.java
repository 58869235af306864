package org.courtyard.workorders.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;

/**
 * Technicians' on-duty shifts (值班), planned by day in the tenant's zone and stored with the
 * instants they cover, so that "on duty now" is one comparison and no technician is ever on two
 * shifts at once (the exclusion constraint of V2 holds that for every writer). A plan is replaced
 * for a range of days: the shifts that begin on those days.
 */
public final class DutyRoster {

  private static final Texts TEXTS = Texts.of(DutyRoster.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** PostgreSQL's exclusion_violation. */
  private static final String EXCLUSION_VIOLATION = "23P01";

  private final Jdbc jdbc;
  private final Clock clock;

  public DutyRoster(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The shifts of {@code userId} that begin from {@code from} to {@code to} (YYYY-MM-DD; by default
   * today and the six days after, in the tenant's zone).
   *
   * @throws org.courtyard.api.ProblemException 400 {@code invalid-parameter} for a bad range
   */
  public DutyView get(long userId, String from, String to) {
    return jdbc.read(
        c -> {
          ZoneId zone = zone(c);
          DutyRules.Days days =
              DutyRules.days(from, to, LocalDate.now(clock.withZone(zone)), false);
          return view(c, userId, days, zone);
        });
  }

  /**
   * Replaces the shifts of {@code userId} that begin from {@code from} to {@code to} (both
   * required) with those of {@code in}.
   *
   * @throws org.courtyard.api.ProblemException 400 for a bad range, 422 naming each wrong or
   *     overlapping shift, 409 {@code duty-overlap} when a shift overlaps one of the user's shifts
   *     outside the range
   */
  public DutyView replace(long userId, String from, String to, DutyInput in) {
    return jdbc.transaction(
        c -> {
          ZoneId zone = zone(c);
          DutyRules.Days days = DutyRules.days(from, to, LocalDate.now(clock.withZone(zone)), true);
          List<DutyRules.Shift> shifts = DutyRules.check(in, days, zone);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM workorder_duty WHERE user_id = ? AND day BETWEEN ? AND ?")) {
            ps.setLong(1, userId);
            ps.setObject(2, days.from());
            ps.setObject(3, days.to());
            ps.executeUpdate();
          }
          checkNeighbours(c, userId, shifts);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_duty (user_id, day, from_time, to_time, starts_at,"
                      + " ends_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (DutyRules.Shift s : shifts) {
              ps.setLong(1, userId);
              ps.setObject(2, s.day());
              ps.setObject(3, s.from());
              ps.setObject(4, s.to());
              ps.setTimestamp(5, Timestamp.from(s.startsAt()));
              ps.setTimestamp(6, Timestamp.from(s.endsAt()));
              ps.addBatch();
            }
            ps.executeBatch();
          } catch (SQLException e) {
            if (isExclusionViolation(e)) {
              // another request wrote an overlapping shift since the check
              throw TEXTS.problem(409, "duty-overlap", "duty.overlap-concurrent", userId);
            }
            throw e;
          }
          return view(c, userId, days, zone);
        });
  }

  /** 409 when a new shift overlaps a shift of the user that begins outside the range. */
  private static void checkNeighbours(Connection c, long userId, List<DutyRules.Shift> shifts)
      throws SQLException {
    if (shifts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT day, from_time, to_time, starts_at, ends_at FROM workorder_duty"
                + " WHERE user_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at")) {
      ps.setLong(1, userId);
      ps.setTimestamp(2, Timestamp.from(shifts.get(shifts.size() - 1).endsAt()));
      ps.setTimestamp(3, Timestamp.from(shifts.get(0).startsAt()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          var starts = rs.getTimestamp(4).toInstant();
          var ends = rs.getTimestamp(5).toInstant();
          for (DutyRules.Shift s : shifts) {
            if (s.startsAt().isBefore(ends) && starts.isBefore(s.endsAt())) {
              throw TEXTS.problem(
                  409,
                  "duty-overlap",
                  "duty.overlap-stored",
                  s.day() + " " + hhmm(s.from()) + "-" + hhmm(s.to()),
                  rs.getObject(1, LocalDate.class)
                      + " "
                      + hhmm(rs.getObject(2, LocalTime.class))
                      + "-"
                      + hhmm(rs.getObject(3, LocalTime.class)));
            }
          }
        }
      }
    }
  }

  private static DutyView view(Connection c, long userId, DutyRules.Days days, ZoneId zone)
      throws SQLException {
    List<DutyView.Shift> shifts = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, day, from_time, to_time, starts_at, ends_at FROM workorder_duty"
                + " WHERE user_id = ? AND day BETWEEN ? AND ? ORDER BY starts_at")) {
      ps.setLong(1, userId);
      ps.setObject(2, days.from());
      ps.setObject(3, days.to());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          shifts.add(
              new DutyView.Shift(
                  rs.getLong(1),
                  rs.getObject(2, LocalDate.class).toString(),
                  hhmm(rs.getObject(3, LocalTime.class)),
                  hhmm(rs.getObject(4, LocalTime.class)),
                  rs.getTimestamp(5).toInstant(),
                  rs.getTimestamp(6).toInstant()));
        }
      }
    }
    return new DutyView(
        userId, days.from().toString(), days.to().toString(), zone.getId(), List.copyOf(shifts));
  }

  private static ZoneId zone(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT time_zone FROM workorder_settings WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("workorder_settings has no row");
      }
      return ZoneId.of(rs.getString(1));
    }
  }

  private static String hhmm(LocalTime t) {
    return t.format(HH_MM);
  }

  private static boolean isExclusionViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (EXCLUSION_VIOLATION.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
