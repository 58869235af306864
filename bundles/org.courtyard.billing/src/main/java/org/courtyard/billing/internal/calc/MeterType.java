package org.courtyard.billing.internal.calc;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a meter measures, and so which metered fee items charge its consumption. */
public enum MeterType {
  /** 水表, cubic metres */
  WATER("water"),
  /** 电表, kWh */
  ELECTRICITY("electricity"),
  /** 燃气表, cubic metres */
  GAS("gas");

  private final String value;

  MeterType(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<MeterType> parse(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
  }

  public static String allowedValues() {
    return Arrays.stream(values()).map(MeterType::value).collect(Collectors.joining(", "));
  }
}
