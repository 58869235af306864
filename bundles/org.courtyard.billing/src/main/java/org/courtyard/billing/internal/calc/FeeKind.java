package org.courtyard.billing.internal.calc;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a fee item's unit price is multiplied with. */
public enum FeeKind {
  /** Room area (m²) × unit price, per month: the property service fee (物业费). */
  AREA("area"),
  /** Unit price per room per month, e.g. a parking fee (停车费) for parking spaces only. */
  FIXED("fixed"),
  /** Unit price once per room, charged to listed rooms through the charge endpoint. */
  ONE_OFF("one_off"),
  /**
   * A meter's consumption in the month priced by tariff tiers: water, electricity or gas (水费 / 电费 /
   * 燃气费). The unit price is for reference only; the tiers set the price.
   */
  METERED("metered"),
  /**
   * Unit price per month × the room's current vehicles (the current vehicles of the persons
   * currently occupying it, each counted once per room), e.g. a vehicle management fee (车辆管理费). The
   * vehicles come from the residents module, which the tenant must have enabled.
   */
  PER_VEHICLE("per_vehicle");

  private final String value;

  FeeKind(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** Whether billing runs charge it; one-off fees are only charged on request. */
  public boolean periodic() {
    return this != ONE_OFF;
  }

  /** Whether charging it needs data of the residents module. */
  public boolean needsResidents() {
    return this == PER_VEHICLE;
  }

  public static Optional<FeeKind> parse(String value) {
    return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
  }

  public static String allowedValues() {
    return Arrays.stream(values()).map(FeeKind::value).collect(Collectors.joining(", "));
  }
}
