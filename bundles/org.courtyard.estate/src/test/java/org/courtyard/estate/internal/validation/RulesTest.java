package org.courtyard.estate.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

  private final FieldErrors errors = new FieldErrors();

  private List<String> messages() {
    return errors.errors().stream().map(e -> e.get("field") + " " + e.get("message")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "1", "B-1.2_a", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
  void acceptsPortableCodesUpTo32Characters(String code) {
    assertThat(Rules.code(code, "code", errors::add)).isEqualTo(code);
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void trimsCodesIncludingTheIdeographicSpace() {
    assertThat(Rules.code("\u3000 A-1 \t", "code", errors::add)).isEqualTo("A-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A 1", "1栋", "a/b", "x;drop", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
  void refusesOtherCodes(String code) {
    assertThat(Rules.code(code, "code", errors::add)).isNull();
    assertThat(messages()).hasSize(1);
    assertThat(messages().get(0)).startsWith("code ");
  }

  @Test
  void aMissingOrBlankRequiredValueIsRequired() {
    Rules.code(null, "code", errors::add);
    Rules.name("   ", "name", errors::add);
    TextRules.required(null, "version", errors::add);

    assertThat(messages())
        .containsExactly("code is required", "name is required", "version is required");
  }

  @Test
  void namesAreMeasuredInCharactersNotBytesOrCodeUnits() {
    String hundredChinese = "幸".repeat(100);
    String hundredEmoji = "🏠".repeat(100);

    assertThat(Rules.name(hundredChinese, "name", errors::add)).isEqualTo(hundredChinese);
    assertThat(Rules.name(hundredEmoji, "name", errors::add)).isEqualTo(hundredEmoji);
    assertThat(Rules.name(hundredChinese + "福", "name", errors::add)).isNull();
    assertThat(messages()).containsExactly("name must be at most 100 characters (got 101)");
  }

  @Test
  void namesAndAddressesStayOnOneLine() {
    assertThat(Rules.name("Green\nValley", "name", errors::add)).isNull();
    assertThat(TextRules.optionalLine("Road 1\t2", "address", 200, errors::add)).isNull();
    assertThat(messages()).hasSize(2);
  }

  @Test
  void aBlankOptionalTextIsAbsent() {
    assertThat(TextRules.optionalLine("  ", "address", 200, errors::add)).isNull();
    assertThat(TextRules.optionalLine(null, "address", 200, errors::add)).isNull();
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void areasGetTwoDecimalsAndAreNeverRounded() {
    assertThat(Rules.area(new BigDecimal("85.5"), "area", errors::add))
        .isEqualTo(new BigDecimal("85.50"));
    assertThat(Rules.area(new BigDecimal("1E+2"), "area", errors::add))
        .isEqualTo(new BigDecimal("100.00"));
    assertThat(Rules.area(new BigDecimal("100000"), "area", errors::add))
        .isEqualTo(new BigDecimal("100000.00"));
    assertThat(Rules.area(new BigDecimal("12.3400"), "area", errors::add))
        .isEqualTo(new BigDecimal("12.34"));
    assertThat(errors.isEmpty()).isTrue();

    assertThat(Rules.area(new BigDecimal("85.555"), "area", errors::add)).isNull();
    assertThat(Rules.area(BigDecimal.ZERO, "area", errors::add)).isNull();
    assertThat(Rules.area(new BigDecimal("100000.01"), "area", errors::add)).isNull();
    assertThat(Rules.area(new BigDecimal("1E-1000000"), "area", errors::add)).isNull();
    assertThat(messages()).hasSize(4);
  }

  @Test
  void rangesIncludeTheirBounds() {
    assertThat(
            TextRules.requiredInRange(-10, "floor", Rules.FLOOR_MIN, Rules.FLOOR_MAX, errors::add))
        .isEqualTo(-10);
    assertThat(
            TextRules.requiredInRange(200, "floor", Rules.FLOOR_MIN, Rules.FLOOR_MAX, errors::add))
        .isEqualTo(200);
    assertThat(
            TextRules.optionalInRange(
                null, "floors", Rules.FLOORS_MIN, Rules.FLOORS_MAX, errors::add))
        .isNull();
    assertThat(errors.isEmpty()).isTrue();

    TextRules.optionalInRange(0, "floors", Rules.FLOORS_MIN, Rules.FLOORS_MAX, errors::add);
    assertThat(messages()).containsExactly("floors must be between 1 and 200 (got 0)");
  }

  @Test
  void roomStatusDefaultsOnlyWhereTheCallerAllowsIt() {
    assertThat(Rules.roomStatus(null, "status", RoomStatus.VACANT, errors::add))
        .isEqualTo(RoomStatus.VACANT);
    assertThat(Rules.roomStatus(" Occupied ", "status", null, errors::add))
        .isEqualTo(RoomStatus.OCCUPIED);
    assertThat(errors.isEmpty()).isTrue();

    assertThat(Rules.roomStatus("", "status", null, errors::add)).isNull();
    assertThat(messages()).containsExactly("status is required");
  }

  @Test
  void numbersWrittenAsTextAreParsedStrictly() {
    assertThat(Rules.integerText(" -2 ", "floor", -10, 200, errors::add)).isEqualTo(-2);
    assertThat(Rules.areaText("89.5", "area", errors::add)).isEqualTo(new BigDecimal("89.50"));
    assertThat(errors.isEmpty()).isTrue();

    assertThat(Rules.integerText("99999999999999999999", "floor", -10, 200, errors::add)).isNull();
    assertThat(Rules.areaText("1" + "0".repeat(100), "area", errors::add)).isNull();
    assertThat(messages())
        .containsExactly(
            "floor must be a whole number (got \"99999999999999999999\")",
            "area must be a number such as 89.5, without unit or thousands separator (got \""
                + "1"
                + "0".repeat(39)
                + "…\")");
  }

  @Test
  void fieldErrorsBecomeOne422ListingThemAll() {
    errors.add("code", "is required");
    errors.add("floors", "must be between 1 and 200 (got 0)");

    ProblemException problem = errors.toProblem(FieldErrors.TYPE, FieldErrors.TITLE);

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.type()).isEqualTo("validation-failed");
    assertThat(problem.title()).isEqualTo("Invalid input");
    assertThat(problem.detail())
        .isEqualTo("code is required; floors must be between 1 and 200 (got 0).");
    assertThat(problem.extensions().get("errors"))
        .isEqualTo(
            List.of(
                Map.of("field", "code", "message", "is required"),
                Map.of("field", "floors", "message", "must be between 1 and 200 (got 0)")));
  }

  @Test
  void noErrorsNoProblem() {
    errors.throwIfAny();
    assertThat(errors.isEmpty()).isTrue();
  }
}
