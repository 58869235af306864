package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.courtyard.workorders.internal.deadlines.DayHours;
import org.courtyard.workorders.internal.deadlines.Deadlines;
import org.courtyard.workorders.internal.deadlines.WorkingCalendar;
import org.courtyard.workorders.internal.lifecycle.LifecyclePolicy;
import org.courtyard.workorders.internal.lifecycle.OrderLifecycle;

/**
 * A tenant's rules as one operation applies them: its zone, working calendar, warning share and the
 * periods of automatic confirmation and reopening, read from {@code workorder_settings} and the
 * calendar tables on the operation's connection, so an order step and the rules it follows belong
 * to the same transaction.
 */
record TenantRules(
    ZoneId zone, int warnPercent, WorkingCalendar calendar, LifecyclePolicy policy, Clock clock) {

  /** Holidays and make-up days further back than this cannot move any running deadline. */
  private static final int PAST_DAYS = 400;

  /**
   * The rules in force, read on {@code c}: one query for the settings row and its versions; the
   * working calendar is built again only when a version moved (a settings or calendar change bumps
   * one in the same transaction), so a step costs one small read, not three.
   */
  static final class Cache {

    private record Entry(int version, int calendarVersion, TenantRules rules) {}

    private final Clock clock;
    private volatile Entry entry;

    Cache(Clock clock) {
      this.clock = clock;
    }

    TenantRules get(Connection c) throws SQLException {
      int version;
      int calendarVersion;
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version, calendar_version FROM workorder_settings WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("workorder_settings has no row");
        }
        version = rs.getInt(1);
        calendarVersion = rs.getInt(2);
      }
      return get(c, version, calendarVersion);
    }

    /**
     * The rules of the settings row's versions, read by the caller with its own query on {@code c};
     * loaded on {@code c} only when they moved.
     */
    TenantRules get(Connection c, int version, int calendarVersion) throws SQLException {
      Entry e = entry;
      if (e != null && e.version == version && e.calendarVersion == calendarVersion) {
        return e.rules;
      }
      TenantRules rules = load(c, clock);
      entry = new Entry(version, calendarVersion, rules);
      return rules;
    }
  }

  /** The rules in force, read on {@code c}. */
  static TenantRules load(Connection c, Clock clock) throws SQLException {
    ZoneId zone;
    int warnPercent;
    int confirmDays;
    int reopenDays;
    String makeUp;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT time_zone, warn_percent, auto_confirm_days, reopen_days, makeup_hours"
                    + " FROM workorder_settings WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("workorder_settings has no row");
      }
      zone = ZoneId.of(rs.getString(1));
      warnPercent = rs.getInt(2);
      confirmDays = rs.getInt(3);
      reopenDays = rs.getInt(4);
      makeUp = rs.getString(5);
    }
    WorkingCalendar.Builder calendar = WorkingCalendar.builder(zone);
    try (PreparedStatement ps =
            c.prepareStatement("SELECT weekday, hours FROM workorder_calendar_weekday");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        calendar.hours(DayHours.parse(rs.getString(2)), DayOfWeek.of(rs.getInt(1)));
      }
    }
    if (makeUp != null) {
      calendar.makeUpHours(DayHours.parse(makeUp));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT day, kind, hours FROM workorder_calendar_day WHERE day >= ? ORDER BY day")) {
      ps.setObject(1, LocalDate.now(clock.withZone(zone)).minusDays(PAST_DAYS));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate day = rs.getObject(1, LocalDate.class);
          String hours = rs.getString(3);
          if ("holiday".equals(rs.getString(2))) {
            calendar.holiday(day);
          } else if (hours == null) {
            calendar.workday(day);
          } else {
            calendar.workday(day, DayHours.parse(hours));
          }
        }
      }
    }
    return new TenantRules(
        zone,
        warnPercent,
        calendar.build(),
        LifecyclePolicy.ofDays(confirmDays, reopenDays),
        clock);
  }

  Deadlines deadlines() {
    return new Deadlines(calendar, warnPercent, clock);
  }

  OrderLifecycle lifecycle() {
    return new OrderLifecycle(policy, clock);
  }

  /** The time after which a clock allowed {@code allowed} warns. */
  Duration warnAfter(Duration allowed) {
    return Deadlines.warnAfter(allowed, warnPercent);
  }
}
