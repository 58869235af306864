package org.courtyard.workorders.internal.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;

/**
 * A tenant's settings ({@code workorder_settings}) and working calendar ({@code
 * workorder_calendar_weekday}, {@code workorder_calendar_day}), read and replaced whole. Each has a
 * version: a replacement made from an older read answers 409 {@code stale-version}. They apply to
 * every estate, so changing them needs the permission for the whole company. An order step reads
 * them again in its own transaction ({@code TenantRules}), so a change applies from the next step.
 */
public final class TenantSettings {

  private static final Texts TEXTS = Texts.of(TenantSettings.class);

  private final Jdbc jdbc;

  public TenantSettings(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public SettingsView settings() {
    return jdbc.read(TenantSettings::settings);
  }

  /**
   * Replaces the settings.
   *
   * @throws org.courtyard.api.ProblemException 422 naming the wrong fields, 409 {@code
   *     stale-version}, 403 {@code outside-scope} for a caller not granted the whole company
   */
  public SettingsView updateSettings(SettingsView in, DataScope scope) {
    requireCompany(scope, TEXTS.text("scope.the-settings"));
    SettingsRules.Settings s = SettingsRules.check(in);
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_settings SET time_zone = ?, warn_percent = ?,"
                      + " auto_confirm_days = ?, reopen_days = ?, makeup_hours = ?,"
                      + " version = version + 1 WHERE id = 1 AND version = ?")) {
            ps.setString(1, s.timeZone());
            ps.setInt(2, s.warnPercent());
            ps.setInt(3, s.autoConfirmDays());
            ps.setInt(4, s.reopenDays());
            ps.setString(5, s.makeupHours());
            ps.setInt(6, in.version());
            if (ps.executeUpdate() == 0) {
              throw Problems.staleVersion(
                  TEXTS.text("label.settings"), null, settings(c).version(), in.version());
            }
          }
          return settings(c);
        });
  }

  public CalendarView calendar() {
    return jdbc.read(TenantSettings::calendar);
  }

  /**
   * Replaces the weekly hours and every holiday and make-up day.
   *
   * @throws org.courtyard.api.ProblemException 422 naming the wrong fields, 409 {@code
   *     stale-version}, 403 {@code outside-scope} for a caller not granted the whole company
   */
  public CalendarView updateCalendar(CalendarView in, DataScope scope) {
    requireCompany(scope, TEXTS.text("scope.the-calendar"));
    SettingsRules.Calendar cal = SettingsRules.check(in);
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_settings SET calendar_version = calendar_version + 1"
                      + " WHERE id = 1 AND calendar_version = ?")) {
            ps.setInt(1, in.version());
            if (ps.executeUpdate() == 0) {
              throw Problems.staleVersion(
                  TEXTS.text("label.calendar"), null, calendarVersion(c), in.version());
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_calendar_weekday (weekday, hours) VALUES (?, ?)"
                      + " ON CONFLICT (weekday) DO UPDATE SET hours = excluded.hours")) {
            for (Map.Entry<Integer, String> e : cal.weekdays().entrySet()) {
              ps.setInt(1, e.getKey());
              ps.setString(2, e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM workorder_calendar_day")) {
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_calendar_day (day, kind, hours, name)"
                      + " VALUES (?, ?, ?, ?)")) {
            for (CalendarView.CalendarDay d : cal.days()) {
              ps.setObject(1, LocalDate.parse(d.day()));
              ps.setString(2, d.kind());
              ps.setString(3, d.hours());
              ps.setString(4, d.name());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return calendar(c);
        });
  }

  private static SettingsView settings(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT time_zone, warn_percent, auto_confirm_days, reopen_days, makeup_hours,"
                    + " version FROM workorder_settings WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("workorder_settings has no row");
      }
      return new SettingsView(
          rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getInt(6));
    }
  }

  private static int calendarVersion(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT calendar_version FROM workorder_settings WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static CalendarView calendar(Connection c) throws SQLException {
    Map<String, String> week = new LinkedHashMap<>();
    for (int d = 1; d <= 7; d++) {
      week.put(String.valueOf(d), "");
    }
    try (PreparedStatement ps =
            c.prepareStatement("SELECT weekday, hours FROM workorder_calendar_weekday");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        week.put(String.valueOf(rs.getInt(1)), rs.getString(2));
      }
    }
    List<CalendarView.CalendarDay> days = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT day, kind, hours, name FROM workorder_calendar_day ORDER BY day");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        days.add(
            new CalendarView.CalendarDay(
                rs.getObject(1, LocalDate.class).toString(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4)));
      }
    }
    return new CalendarView(week, days, calendarVersion(c));
  }

  /** 403 {@code outside-scope} unless the caller holds the permission for the whole company. */
  private static void requireCompany(DataScope scope, org.courtyard.api.Text what) {
    if (!scope.isAll()) {
      throw Problems.outsideScope(
          TEXTS.text("scope.changing", what), TEXTS.text("scope.whole-company"));
    }
  }
}
