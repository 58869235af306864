package org.courtyard.billing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * When a meter was read, as people and devices write it: an ISO-8601 time with offset ({@code
 * 2026-11-30T09:00:00+08:00}, {@code …Z}), a local time ({@code 2026-11-30T09:00} or {@code
 * 2026-11-30 09:00}, seconds optional) or a date alone ({@code 2026-11-30}: its first moment).
 * Local times and dates are in the tenant's time zone.
 */
final class ReadTimes {

  private static final Texts TEXTS = Texts.of(ReadTimes.class);

  /** The formats read, as a message says them. */
  static final Text FORMATS = TEXTS.text("read-time.formats");

  /** One space between date and time, as spreadsheets write it, stands for the ISO 'T'. */
  private static final Pattern SPACE_SEPARATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

  private static final int MAX_TEXT = 40;

  private ReadTimes() {}

  static Optional<Instant> parse(String text, ZoneId zone) {
    if (text == null) {
      return Optional.empty();
    }
    String v = text.strip();
    if (v.isEmpty() || v.length() > MAX_TEXT) {
      return Optional.empty();
    }
    v = SPACE_SEPARATED.matcher(v).replaceFirst("$1T$2");
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      // not with an offset; try the local forms
    }
    try {
      return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // not a local time either
    }
    try {
      return Optional.of(LocalDate.parse(v).atStartOfDay(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
