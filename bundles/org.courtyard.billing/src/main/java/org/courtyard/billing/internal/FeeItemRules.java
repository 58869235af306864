package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Texts;
import org.courtyard.billing.internal.calc.Cycle;
import org.courtyard.billing.internal.calc.FeeKind;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.calc.Rounding;
import org.courtyard.billing.internal.calc.TieredTariff;
import org.courtyard.billing.internal.dto.FeeItemInput;
import org.courtyard.billing.internal.entity.FeeItemEntity;
import org.courtyard.billing.internal.entity.FeeTierEmbeddable;

/**
 * The rules of a fee item's fields (收费项目), every problem reported at once: 422 {@code
 * validation-failed} naming each field. {@link Catalog} stores what they accept.
 */
final class FeeItemRules {

  private static final Texts TEXTS = Texts.of(Catalog.class);

  private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");
  private static final BigDecimal MAX_PRICE = new BigDecimal("99999999.9999");

  private FeeItemRules() {}

  /** A fee item's fields, checked and normalised, ready for its entity. */
  record Checked(
      FeeKind kind,
      String code,
      String name,
      BigDecimal unitPrice,
      Set<String> types,
      Cycle cycle,
      int scale,
      Rounding rounding,
      LocalDate from,
      LocalDate to,
      MeterType meterType,
      List<TieredTariff.Tier> tiers) {

    void apply(FeeItemEntity f, Clock clock) {
      f.set(
          code,
          name,
          unitPrice,
          String.join(",", types),
          cycle.value(),
          scale,
          rounding.value(),
          from,
          to,
          clock.instant());
      f.setTiers(tiers.stream().map(t -> new FeeTierEmbeddable(t.upTo(), t.price())).toList());
    }
  }

  /**
   * @param storedKind the kind of the stored item on update (which cannot change), null on create
   * @param storedMeterType the meter type of a stored metered item (which cannot change either)
   */
  static Checked check(FeeItemInput in, FeeKind storedKind, MeterType storedMeterType) {
    if (in == null) {
      throw Errors.missingBody();
    }
    FieldErrors errors = new FieldErrors();
    String code = in.code() == null ? null : in.code().strip();
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add("code", TEXTS.text("fee-item.code"));
    }
    String name = in.name() == null ? null : in.name().strip();
    if (name == null
        || name.isEmpty()
        || name.length() > 100
        || name.chars().anyMatch(Character::isISOControl)) {
      errors.add("name", TEXTS.text("fee-item.name"));
    }
    FeeKind kind = null;
    if (in.kind() == null) {
      if (storedKind == null) {
        errors.add("kind", TEXTS.text("field.required-one-of", FeeKind.allowedValues()));
      }
      kind = storedKind;
    } else {
      kind = FeeKind.parse(in.kind()).orElse(null);
      if (kind == null) {
        errors.add("kind", TEXTS.text("field.one-of", FeeKind.allowedValues()));
      } else if (storedKind != null && kind != storedKind) {
        errors.add("kind", TEXTS.text("fee-item.cannot-change"));
      }
    }
    BigDecimal price = in.unitPrice();
    // a metered item's price comes from its tiers; unitPrice may be left out
    if (price == null
        ? kind != FeeKind.METERED
        : price.signum() < 0
            || price.compareTo(MAX_PRICE) > 0
            || price.stripTrailingZeros().scale() > 4) {
      errors.add("unitPrice", TEXTS.text("fee-item.unit-price"));
    }
    Set<String> types = new LinkedHashSet<>();
    if (in.appliesToTypes() != null) {
      for (String t : in.appliesToTypes()) {
        if (t == null || !Catalog.ROOM_TYPES.contains(t)) {
          errors.add("appliesToTypes", TEXTS.text("fee-item.room-types"));
          break;
        }
        types.add(t);
      }
    }
    Cycle cycle = in.cycle() == null ? Cycle.MONTHLY : Cycle.parse(in.cycle()).orElse(null);
    if (cycle == null) {
      errors.add("cycle", TEXTS.text("field.one-of", Cycle.allowedValues()));
    }
    int scale = in.roundingScale() == null ? 2 : in.roundingScale();
    if (scale < 0 || scale > 4) {
      errors.add("roundingScale", TEXTS.text("fee-item.rounding-scale"));
    }
    Rounding rounding =
        in.roundingMode() == null
            ? Rounding.HALF_UP
            : Rounding.parse(in.roundingMode()).orElse(null);
    if (rounding == null) {
      errors.add("roundingMode", TEXTS.text("field.one-of", Rounding.allowedValues()));
    }
    if (in.effectiveFrom() == null) {
      errors.add("effectiveFrom", TEXTS.text("fee-item.effective-from"));
    } else if (in.effectiveTo() != null && in.effectiveTo().isBefore(in.effectiveFrom())) {
      errors.add("effectiveTo", TEXTS.text("fee-item.effective-to"));
    }
    MeterType meterType = null;
    List<TieredTariff.Tier> tiers = List.of();
    if (kind == FeeKind.METERED) {
      if (in.meterType() == null) {
        meterType = storedMeterType;
        if (meterType == null) {
          errors.add(
              "meterType", TEXTS.text("fee-item.meter-type-required", MeterType.allowedValues()));
        }
      } else {
        meterType = MeterType.parse(in.meterType()).orElse(null);
        if (meterType == null) {
          errors.add("meterType", TEXTS.text("field.one-of", MeterType.allowedValues()));
        } else if (storedMeterType != null && meterType != storedMeterType) {
          errors.add("meterType", TEXTS.text("fee-item.cannot-change"));
        }
      }
      List<TieredTariff.Tier> given =
          in.tiers() == null
              ? null
              : in.tiers().stream()
                  .map(t -> t == null ? null : new TieredTariff.Tier(t.upTo(), t.price()))
                  .toList();
      List<String> tierProblems = new ArrayList<>();
      TieredTariff.check(
          given,
          (field, message) -> {
            tierProblems.add(field);
            errors.add(field, message);
          });
      if (tierProblems.isEmpty()) {
        tiers =
            given.stream()
                .map(
                    t ->
                        new TieredTariff.Tier(
                            t.upTo() == null ? null : t.upTo().setScale(3), t.price().setScale(4)))
                .toList();
        if (price == null) {
          price = tiers.get(0).price();
        }
      }
      if (cycle != null && cycle != Cycle.MONTHLY) {
        errors.add("cycle", TEXTS.text("fee-item.metered-monthly"));
      }
    } else if (kind != null) {
      if (in.meterType() != null) {
        errors.add("meterType", TEXTS.text("fee-item.metered-only"));
      }
      if (in.tiers() != null) {
        errors.add("tiers", TEXTS.text("fee-item.metered-only"));
      }
    }
    errors.throwIfAny();
    return new Checked(
        kind,
        code,
        name,
        price.setScale(4),
        types,
        cycle,
        scale,
        rounding,
        in.effectiveFrom(),
        in.effectiveTo(),
        meterType,
        tiers);
  }
}
