package org.courtyard.estate.internal.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a room is used for; stored and sent as the lower-case {@link #value()}. */
public enum RoomType {
  RESIDENTIAL,
  COMMERCIAL,
  PARKING,
  STORAGE;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, so that "Residential" typed into a spreadsheet is accepted. */
  public static Optional<RoomType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values()).filter(t -> t.value().equalsIgnoreCase(wanted)).findFirst();
  }

  /** "residential, commercial, parking, storage", for messages. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(RoomType::value).collect(Collectors.joining(", "));
  }
}
