package org.courtyard.driver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One setting of a device, as a console would render it.
 *
 * @param key the setting's name: {@code [a-zA-Z][a-zA-Z0-9_.]{0,39}}
 * @param defaultValue the value when the device's configuration leaves it out; null for none
 * @param options the allowed values of a {@link Type#CHOICE}; empty otherwise
 * @param min lower bound of an {@link Type#INTEGER} or {@link Type#DECIMAL}, or null
 * @param max upper bound, or null
 */
public record ConfigField(
    String key,
    Type type,
    String label,
    String description,
    boolean required,
    String defaultValue,
    List<String> options,
    BigDecimal min,
    BigDecimal max) {

  public enum Type {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    CHOICE
  }

  public ConfigField {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    options = options == null ? List.of() : List.copyOf(options);
  }

  public static ConfigField string(String key, String label, String description, String dflt) {
    return new ConfigField(
        key, Type.STRING, label, description, dflt == null, dflt, List.of(), null, null);
  }

  public static ConfigField integer(
      String key, String label, String description, long dflt, long min, long max) {
    return new ConfigField(
        key,
        Type.INTEGER,
        label,
        description,
        false,
        Long.toString(dflt),
        List.of(),
        BigDecimal.valueOf(min),
        BigDecimal.valueOf(max));
  }

  public static ConfigField decimal(
      String key, String label, String description, String dflt, String min, String max) {
    return new ConfigField(
        key,
        Type.DECIMAL,
        label,
        description,
        dflt == null,
        dflt,
        List.of(),
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max));
  }

  public static ConfigField bool(String key, String label, String description, boolean dflt) {
    return new ConfigField(
        key,
        Type.BOOLEAN,
        label,
        description,
        false,
        Boolean.toString(dflt),
        List.of(),
        null,
        null);
  }

  public static ConfigField choice(
      String key, String label, String description, String dflt, List<String> options) {
    return new ConfigField(
        key, Type.CHOICE, label, description, dflt == null, dflt, options, null, null);
  }

  /** Why {@code value} is not acceptable for this field, or null if it is. */
  public String problem(String value) {
    if (value == null) {
      return required ? key + " is required" : null;
    }
    try {
      switch (type) {
        case STRING -> {
          return value.length() > 200 ? key + " is longer than 200 characters" : null;
        }
        case INTEGER -> {
          return range(new BigDecimal(Long.parseLong(value.trim())));
        }
        case DECIMAL -> {
          // bounded like a payload's numbers: "1E-500000000" would make every decode hang
          PayloadNumber n =
              PayloadNumber.decimal(
                  value.trim(), PayloadNumber.MAX_DIGITS, PayloadNumber.MAX_DIGITS);
          if (n.status() == RecordStatus.OUT_OF_RANGE) {
            return key + " has " + n.problem();
          }
          return n.isGood() ? range(n.value()) : key + " must be a number";
        }
        case BOOLEAN -> {
          return value.equals("true") || value.equals("false")
              ? null
              : key + " must be true or false";
        }
        case CHOICE -> {
          return options.contains(value) ? null : key + " must be one of " + options;
        }
        default -> throw new IllegalStateException(type.toString());
      }
    } catch (NumberFormatException e) {
      return key + " must be " + (type == Type.INTEGER ? "a whole number" : "a number");
    }
  }

  private String range(BigDecimal v) {
    if (min != null && v.compareTo(min) < 0) {
      return key + " must be at least " + min.toPlainString();
    }
    if (max != null && v.compareTo(max) > 0) {
      return key + " must be at most " + max.toPlainString();
    }
    return null;
  }
}
