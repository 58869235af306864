package org.courtyard.residents.internal.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kind of identity document an id number belongs to; sent and stored as {@link #value()}. */
public enum IdType {
  /** Chinese resident identity card (居民身份证), 18 characters with a check character. */
  RESIDENT_ID,
  PASSPORT,
  OTHER;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IdType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values()).filter(t -> t.value().equalsIgnoreCase(wanted)).findFirst();
  }

  /** "resident_id, passport, other", for messages. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(IdType::value).collect(Collectors.joining(", "));
  }
}
