package org.courtyard.workorders.internal.deadlines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The working periods of one day, in minutes since midnight, e.g. 08:30–12:00 and 13:30–17:30.
 * Periods are sorted and do not overlap; {@code 24:00} ends a period at midnight. {@link #CLOSED}
 * is a day without work: a weekend day or a holiday.
 */
public final class DayHours {

  /** A day nobody works. */
  public static final DayHours CLOSED = new DayHours(new int[0]);

  private static final Pattern PERIOD =
      Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]|24):([0-5][0-9])");
  private static final int DAY = 24 * 60;

  /** Start and end minute of each period, flattened: [s0, e0, s1, e1, ...]. */
  private final int[] minutes;

  private DayHours(int[] minutes) {
    this.minutes = minutes;
  }

  /**
   * Parses periods written {@code HH:MM-HH:MM}.
   *
   * @throws IllegalArgumentException for a malformed, empty, unsorted or overlapping period
   */
  public static DayHours of(String... periods) {
    List<Integer> parsed = new ArrayList<>();
    int previousEnd = 0;
    for (String period : periods) {
      Matcher m = PERIOD.matcher(period.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a period HH:MM-HH:MM: " + period);
      }
      int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
      int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
      if (end > DAY || end <= start) {
        throw new IllegalArgumentException("a period ends after it starts, by 24:00: " + period);
      }
      if (start < previousEnd) {
        throw new IllegalArgumentException("periods are sorted and do not overlap: " + period);
      }
      parsed.add(start);
      parsed.add(end);
      previousEnd = end;
    }
    return new DayHours(parsed.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Parses the stored form, periods separated by commas ({@code workorder_calendar_weekday.hours}):
   * {@code "08:30-12:00,13:30-17:30"}; the empty string is a closed day.
   */
  public static DayHours parse(String stored) {
    return stored.isBlank() ? CLOSED : of(stored.split(",", -1));
  }

  /** The stored form {@link #parse} reads. */
  public String stored() {
    return closed() ? "" : toString().replace(", ", ",");
  }

  public boolean closed() {
    return minutes.length == 0;
  }

  int periods() {
    return minutes.length / 2;
  }

  int startMinute(int period) {
    return minutes[2 * period];
  }

  int endMinute(int period) {
    return minutes[2 * period + 1];
  }

  /** Working minutes in the day. */
  public int totalMinutes() {
    int total = 0;
    for (int i = 0; i < periods(); i++) {
      total += endMinute(i) - startMinute(i);
    }
    return total;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DayHours d && Arrays.equals(minutes, d.minutes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(minutes);
  }

  @Override
  public String toString() {
    if (closed()) {
      return "closed";
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < periods(); i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(hhmm(startMinute(i))).append('-').append(hhmm(endMinute(i)));
    }
    return s.toString();
  }

  private static String hhmm(int minute) {
    return String.format("%02d:%02d", minute / 60, minute % 60);
  }
}
