package org.courtyard.admin.property;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** An instant as the user's language writes a date and time, in the console's time zone. */
public final class When {

  private When() {}

  public static String format(Instant at, Locale locale) {
    if (at == null) {
      return "—";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale == null ? Locale.ENGLISH : locale)
        .withZone(ZoneId.systemDefault())
        .format(at);
  }
}
