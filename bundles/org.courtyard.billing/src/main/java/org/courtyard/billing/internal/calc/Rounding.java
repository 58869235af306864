package org.courtyard.billing.internal.calc;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a fee item rounds its amounts, named as the API and the {@code fee_item} table spell it. */
public enum Rounding {
  HALF_UP("half_up", RoundingMode.HALF_UP),
  /** Away from zero; amounts are never negative, so this is "always round up". */
  UP("up", RoundingMode.UP),
  /** Towards zero: "always round down". */
  DOWN("down", RoundingMode.DOWN);

  private final String value;
  private final RoundingMode mode;

  Rounding(String value, RoundingMode mode) {
    this.value = value;
    this.mode = mode;
  }

  public String value() {
    return value;
  }

  public RoundingMode mode() {
    return mode;
  }

  public static Optional<Rounding> parse(String value) {
    return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
  }

  public static String allowedValues() {
    return Arrays.stream(values()).map(Rounding::value).collect(Collectors.joining(", "));
  }
}
