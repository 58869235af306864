package org.courtyard.workorders.internal.settings;

import java.util.List;
import java.util.Map;

/**
 * The working calendar; also the body of {@code PUT /calendar}, which replaces it whole. {@code
 * weekdays}: the periods of each ISO weekday, {@code "1"} (Monday) to {@code "7"}, {@code ""} for a
 * day off; {@code days}: public holidays and make-up working days, by date; {@code version}: the
 * calendar's, to send back on update.
 */
public record CalendarView(Map<String, String> weekdays, List<CalendarDay> days, Integer version) {

  /**
   * A public holiday (closed whatever its weekday) or a make-up working day (调休), with its own
   * periods or, without, the settings' make-up hours.
   */
  public record CalendarDay(String day, String kind, String hours, String name) {}
}
