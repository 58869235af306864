package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The tenant's work-order rules: the settings and the working calendar, each with its version. */
public final class Rules {

  private Rules() {}

  /**
   * {@code GET/PUT /settings}: the time zone, the warning share of the allowed time (percent), the
   * days until a done order is confirmed automatically, the days it can be reopened, a make-up
   * day's hours (null for Monday's), and the version read.
   */
  public record Settings(
      String timeZone,
      Integer warnPercent,
      Integer autoConfirmDays,
      Integer reopenDays,
      String makeupHours,
      Integer version)
      implements Serializable {}

  /**
   * {@code GET/PUT /calendar}, replaced whole: the periods of each weekday ({@code "1"} Monday to
   * {@code "7"}, {@code ""} a day off), the holidays and make-up days by date, the version.
   */
  public record Calendar(Map<String, String> weekdays, List<Day> days, Integer version)
      implements Serializable {

    public Calendar {
      weekdays = weekdays == null ? Map.of() : Map.copyOf(weekdays);
      days = days == null ? List.of() : List.copyOf(days);
    }
  }

  /** A public holiday ({@code holiday}) or a make-up working day ({@code workday}, 调休). */
  public record Day(String day, String kind, String hours, String name) implements Serializable {}
}
