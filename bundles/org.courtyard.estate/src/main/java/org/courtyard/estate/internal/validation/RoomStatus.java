package org.courtyard.estate.internal.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Whether a room is in use; stored and sent as the lower-case {@link #value()}. */
public enum RoomStatus {
  VACANT,
  OCCUPIED,
  RENTED,
  RENOVATING;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, so that "Vacant" typed into a spreadsheet is accepted. */
  public static Optional<RoomStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(wanted)).findFirst();
  }

  /** "vacant, occupied, rented, renovating", for messages. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(RoomStatus::value).collect(Collectors.joining(", "));
  }
}
