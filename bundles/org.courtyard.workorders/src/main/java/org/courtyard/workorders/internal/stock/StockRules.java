package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;

/**
 * What a material and a movement must hold, the schema's CHECK constraints and sizes, checked field
 * by field so that one 422 names every wrong field: quantities are positive with at most 3 decimals
 * (numeric(12,3)), costs 0 or more with at most 2 (numeric(12,2)).
 */
public final class StockRules {

  private static final Texts TEXTS = Texts.of(StockRules.class);

  /** As {@code workorder_material_code_ck}. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  static final int NAME_MAX = 100;
  static final int UNIT_MAX = 16;
  static final int NOTE_MAX = 500;
  static final BigDecimal QUANTITY_MAX = new BigDecimal("999999999.999");
  static final BigDecimal COST_MAX = new BigDecimal("9999999999.99");

  private StockRules() {}

  /** A material as it will be stored; {@code unitCost} null on an update (movements set it). */
  record Material(
      Long estateId, String code, String name, String unit, BigDecimal unitCost, boolean active) {}

  /** A movement as it will be stored. */
  record Movement(BigDecimal quantity, BigDecimal unitCost, String note) {}

  /** A use as it will be stored. */
  record Use(long materialId, BigDecimal quantity, String note) {}

  /**
   * @param update whether the material exists already: the version is then required, the estate may
   *     only repeat the material's own, and the unit cost is left to the movements
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every wrong
   *     field
   */
  static Material check(MaterialInput in, boolean update) {
    FieldErrors errors = new FieldErrors();
    if (!update) {
      if (in.estateId() == null) {
        errors.add("estateId", TextRules.IS_REQUIRED);
      } else if (in.estateId() <= 0) {
        errors.add("estateId", TEXTS.text("field.positive-id"));
      }
    }
    String code = in.code() == null ? "" : in.code().strip();
    if (!CODE.matcher(code).matches()) {
      errors.add("code", TEXTS.text("material.code"));
    }
    String name = TextRules.requiredLine(in.name(), "name", NAME_MAX, errors);
    String unit = TextRules.requiredLine(in.unit(), "unit", UNIT_MAX, errors);
    BigDecimal cost = null;
    if (update) {
      if (in.unitCost() != null) {
        errors.add("unitCost", TEXTS.text("material.cost-by-movements"));
      }
      if (in.version() == null) {
        errors.add("version", TEXTS.text("field.version-required"));
      }
    } else {
      cost = in.unitCost() == null ? BigDecimal.ZERO : in.unitCost();
      if (!cost(cost)) {
        errors.add("unitCost", TEXTS.text("stock.cost"));
      }
    }
    errors.throwIfAny();
    return new Material(in.estateId(), code, name, unit, cost, in.active() == null || in.active());
  }

  /**
   * A receipt: a positive quantity and its unit cost.
   *
   * @throws org.courtyard.api.ProblemException 422 naming every wrong field
   */
  static Movement receipt(MovementInput in) {
    FieldErrors errors = new FieldErrors();
    BigDecimal quantity = in.quantity();
    if (!quantity(quantity)) {
      errors.add("quantity", TEXTS.text("stock.quantity"));
    }
    if (in.unitCost() == null) {
      errors.add("unitCost", TextRules.IS_REQUIRED);
    } else if (!cost(in.unitCost())) {
      errors.add("unitCost", TEXTS.text("stock.cost"));
    }
    String note = TextRules.optionalLine(in.note(), "note", NOTE_MAX, errors);
    errors.throwIfAny();
    return new Movement(quantity, in.unitCost(), note);
  }

  /**
   * A stocktake's correction: a quantity other than 0, more (+) or less (-), and a note saying why;
   * the unit cost stays as it is.
   *
   * @throws org.courtyard.api.ProblemException 422 naming every wrong field
   */
  static Movement adjustment(MovementInput in) {
    FieldErrors errors = new FieldErrors();
    BigDecimal quantity = in.quantity();
    if (quantity == null || !quantity(quantity.abs())) {
      errors.add("quantity", TEXTS.text("stock.adjust-quantity"));
    }
    if (in.unitCost() != null) {
      errors.add("unitCost", TEXTS.text("stock.adjust-cost"));
    }
    String note = TextRules.requiredLine(in.note(), "note", NOTE_MAX, errors);
    errors.throwIfAny();
    return new Movement(quantity, null, note);
  }

  /**
   * Material used on an order: which, a positive quantity, an optional note.
   *
   * @throws org.courtyard.api.ProblemException 422 naming every wrong field
   */
  static Use use(UseInput in) {
    FieldErrors errors = new FieldErrors();
    if (in.materialId() == null) {
      errors.add("materialId", TextRules.IS_REQUIRED);
    } else if (in.materialId() <= 0) {
      errors.add("materialId", TEXTS.text("field.positive-id"));
    }
    if (!quantity(in.quantity())) {
      errors.add("quantity", TEXTS.text("stock.quantity"));
    }
    String note = TextRules.optionalLine(in.note(), "note", NOTE_MAX, errors);
    errors.throwIfAny();
    return new Use(in.materialId(), in.quantity(), note);
  }

  /** Positive, at most 3 decimals, within numeric(12,3). */
  static boolean quantity(BigDecimal q) {
    return q != null
        && q.signum() > 0
        && q.stripTrailingZeros().scale() <= 3
        && q.compareTo(QUANTITY_MAX) <= 0;
  }

  /** 0 or more, at most 2 decimals, within numeric(12,2). */
  static boolean cost(BigDecimal c) {
    return c != null
        && c.signum() >= 0
        && c.stripTrailingZeros().scale() <= 2
        && c.compareTo(COST_MAX) <= 0;
  }
}
