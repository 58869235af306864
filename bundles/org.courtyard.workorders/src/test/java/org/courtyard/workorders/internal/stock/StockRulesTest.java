package org.courtyard.workorders.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

/** What a material, a receipt, a stocktake correction and a use must hold, field by field. */
class StockRulesTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(Runnable check) {
    ProblemException p = catchThrowableOfType(check::run, ProblemException.class);
    assertThat(p).as("refused").isNotNull();
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("validation-failed");
    return ((List<Map<String, Object>>) p.extensions().get("errors"))
        .stream().map(e -> (String) e.get("field")).toList();
  }

  @Test
  void aNewMaterialNeedsItsEstateCodeNameAndUnitAndStartsActiveAtCostZero() {
    StockRules.Material m =
        StockRules.check(
            new MaterialInput(3L, " PVC-20 ", " PVC 管 ", "米", null, null, null), false);
    assertThat(m)
        .isEqualTo(new StockRules.Material(3L, "PVC-20", "PVC 管", "米", BigDecimal.ZERO, true));

    assertThat(
            fields(
                () ->
                    StockRules.check(
                        new MaterialInput(null, "-x", " ", null, null, null, null), false)))
        .containsExactly("estateId", "code", "name", "unit");
    assertThat(
            fields(
                () ->
                    StockRules.check(
                        new MaterialInput(
                            0L,
                            "a".repeat(33),
                            "n".repeat(101),
                            "u".repeat(17),
                            d("-1"),
                            null,
                            null),
                        false)))
        .containsExactly("estateId", "code", "name", "unit", "unitCost");
    assertThat(
            fields(
                () ->
                    StockRules.check(
                        new MaterialInput(1L, "tape", "Tape", "卷", d("1.234"), null, null), false)))
        .containsExactly("unitCost");
    // trailing zeros are not decimals
    assertThat(
            StockRules.check(
                    new MaterialInput(1L, "tape", "Tape", "卷", d("1.2300"), false, null), false)
                .active())
        .isFalse();
  }

  @Test
  void anUpdateNeedsTheVersionAndLeavesTheCostToTheMovements() {
    assertThat(
            fields(
                () ->
                    StockRules.check(
                        new MaterialInput(null, "tape", "Tape", "卷", d("2"), null, null), true)))
        .containsExactly("unitCost", "version");
    StockRules.Material m =
        StockRules.check(new MaterialInput(null, "tape", "Tape", "卷", null, true, 4), true);
    assertThat(m.unitCost()).isNull();
    assertThat(m.estateId()).isNull();
  }

  @Test
  void aReceiptIsAPositiveQuantityWithThreeDecimalsAtACostWithTwo() {
    assertThat(StockRules.receipt(new MovementInput(d("2.500"), d("3.10"), " box 7 ")))
        .isEqualTo(new StockRules.Movement(d("2.500"), d("3.10"), "box 7"));
    assertThat(fields(() -> StockRules.receipt(new MovementInput(null, null, null))))
        .containsExactly("quantity", "unitCost");
    assertThat(fields(() -> StockRules.receipt(new MovementInput(d("0"), d("-0.01"), null))))
        .containsExactly("quantity", "unitCost");
    assertThat(
            fields(
                () ->
                    StockRules.receipt(
                        new MovementInput(d("1.0001"), d("0.001"), "x".repeat(501)))))
        .containsExactly("quantity", "unitCost", "note");
    assertThat(
            fields(
                () ->
                    StockRules.receipt(new MovementInput(d("1000000000"), d("10000000000"), null))))
        .containsExactly("quantity", "unitCost");
  }

  @Test
  void aCorrectionIsSignedNotZeroWithoutCostAndSaysWhy() {
    assertThat(StockRules.adjustment(new MovementInput(d("-2"), null, "broken")).quantity())
        .isEqualByComparingTo("-2");
    assertThat(fields(() -> StockRules.adjustment(new MovementInput(d("0"), d("1"), " "))))
        .containsExactly("quantity", "unitCost", "note");
    assertThat(fields(() -> StockRules.adjustment(new MovementInput(d("-0.0005"), null, "x"))))
        .containsExactly("quantity");
  }

  @Test
  void aUseNamesAMaterialAndAPositiveQuantity() {
    assertThat(StockRules.use(new UseInput(7L, d("0.5"), null)))
        .isEqualTo(new StockRules.Use(7L, d("0.5"), null));
    assertThat(fields(() -> StockRules.use(new UseInput(null, d("-1"), null))))
        .containsExactly("materialId", "quantity");
    assertThat(fields(() -> StockRules.use(new UseInput(-4L, null, "a\nb"))))
        .containsExactly("materialId", "quantity", "note");
  }
}
