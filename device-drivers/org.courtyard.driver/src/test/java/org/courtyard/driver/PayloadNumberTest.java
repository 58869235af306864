package org.courtyard.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadNumberTest {

  private static PayloadNumber meter(String text) {
    return PayloadNumber.decimal(text, 12, 6);
  }

  @ParameterizedTest
  @CsvSource({
    "21.5, 21.5",
    "-0.75, -0.75",
    "+3, 3",
    "1234.567, 1234.567",
    "1.5E3, 1500",
    "1.5e+3, 1500",
    "25E-2, 0.25",
    "1., 1",
    ".5, 0.5",
    "999999999999, 999999999999",
    "0.000001, 0.000001",
    "2.50000000, 2.500000",
    "-0, 0",
    "0E-500000000, 0.000000",
    "0E+999999999, 0",
    "000000000000000000000000000000000000000000000001, 1"
  })
  void readsDecimalsWithinTheirBounds(String text, String expected) {
    PayloadNumber n = meter(text);
    assertThat(n.isGood()).as(text + ": " + n.problem()).isTrue();
    assertThat(n.value()).isEqualTo(new BigDecimal(expected)); // equal in value and scale
    assertThat(n.problem()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NaN",
        "-NaN",
        "Infinity",
        "-Infinity",
        "0x1F",
        "1_000",
        "1,5",
        " 1",
        "1 ",
        "١٢٣", // Arabic-Indic digits: new BigDecimal reads 123
        "１２３", // fullwidth digits
        "",
        "+",
        "-",
        ".",
        "1E",
        "1E+",
        "E5",
        "1e5.5",
        "--1",
        "1.2.3",
        "1\u00002"
      })
  void refusesWhatIsNotAPlainDecimalAsMalformed(String text) {
    PayloadNumber n = meter(text);
    assertThat(n.status()).as(text).isEqualTo(RecordStatus.MALFORMED);
    assertThat(n.value()).isNull();
    assertThat(n.problem()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1E-500000000",
        "1E-2147483647",
        "1E-2147483648",
        "1E-99999999999999999999999999",
        "1E+999999999",
        "-1E+999999999",
        "1E+2147483647",
        "1E12",
        "1000000000000",
        "0.0000001",
        "1.0000001",
        "4.9E-325"
      })
  void refusesHugeAndTinyNumbersAsOutOfRangeWithoutArithmetic(String text) {
    PayloadNumber n = assertTimeoutPreemptively(Duration.ofMillis(200), () -> meter(text));
    assertThat(n.status()).as(text).isEqualTo(RecordStatus.OUT_OF_RANGE);
    assertThat(n.problem()).startsWith("more than").doesNotContain(text);
  }

  @Test
  void refusesLongTextBeforeScanningIt() {
    String tenThousandDigits = "9".repeat(10_000);
    PayloadNumber n = meter(tenThousandDigits);
    assertThat(n.status()).isEqualTo(RecordStatus.MALFORMED);
    assertThat(n.problem()).isEqualTo("a number of 10000 characters (at most 64)");
    assertThat(meter("0." + "0".repeat(9_999) + "1").status()).isEqualTo(RecordStatus.MALFORMED);
    assertThat(meter("1".repeat(PayloadNumber.MAX_LENGTH)).status())
        .isEqualTo(RecordStatus.OUT_OF_RANGE);
  }

  @Test
  void theBoundsAreDigitsOnEitherSideOfThePoint() {
    assertThat(PayloadNumber.decimal("99.99", 2, 2).value()).isEqualTo(new BigDecimal("99.99"));
    assertThat(PayloadNumber.decimal("100", 2, 2).problem())
        .isEqualTo("more than 2 digits before the point");
    assertThat(PayloadNumber.decimal("0.001", 2, 2).problem())
        .isEqualTo("more than 2 digits after the point");
    assertThat(PayloadNumber.decimal("0.010", 2, 2).value()).isEqualTo(new BigDecimal("0.01"));
    assertThat(PayloadNumber.decimal("7", 1, 0).value()).isEqualTo(BigDecimal.valueOf(7));
    assertThat(PayloadNumber.decimal("1E+40", 40, 40).status())
        .isEqualTo(RecordStatus.OUT_OF_RANGE);
    assertThat(PayloadNumber.decimal("1E+39", 40, 40).value().toPlainString()).hasSize(40);
    assertThatThrownBy(() -> PayloadNumber.decimal("1", 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayloadNumber.decimal("1", 2, 41))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsWholeNumbersWithinARange() {
    assertThat(PayloadNumber.whole("42", 0, 100).longValue()).isEqualTo(42);
    assertThat(PayloadNumber.whole("-7", -10, 10).longValue()).isEqualTo(-7);
    assertThat(PayloadNumber.whole("+7", 0, 10).longValue()).isEqualTo(7);
    assertThat(PayloadNumber.whole("-0", 0, 10).longValue()).isZero();
    assertThat(PayloadNumber.whole("101", 0, 100).problem()).isEqualTo("not between 0 and 100");
    assertThat(PayloadNumber.whole("99999999999999999999", 0, Long.MAX_VALUE).status())
        .isEqualTo(RecordStatus.OUT_OF_RANGE);
    for (String bad : new String[] {"1.0", "1E3", "0x1F", "1_000", "١٢٣", "NaN", "", "-", " 1"}) {
      assertThat(PayloadNumber.whole(bad, 0, 100).status())
          .as(bad)
          .isEqualTo(RecordStatus.MALFORMED);
    }
    assertThat(PayloadNumber.whole("9".repeat(10_000), 0, 100).status())
        .isEqualTo(RecordStatus.MALFORMED);
    assertThatThrownBy(() -> PayloadNumber.whole("1", 0, 100).asBad("x"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PayloadNumber.whole("x", 0, 100).longValue())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRefusalBecomesAnItemNamingWhatWasRefused() {
    Decoded item = meter("1E-500000000").asBad("channel 1: total");
    assertThat(item)
        .isEqualTo(
            Decoded.bad(
                RecordStatus.OUT_OF_RANGE, "channel 1: total: more than 6 digits after the point"));
  }

  @Test
  void aDecimalSettingIsBoundedLikeAPayloadsNumbers() {
    ConfigDescriptor descriptor =
        ConfigDescriptor.of(ConfigField.decimal("offset", "Offset", null, "0", "-10", "10"));
    // within -10..10 by value, but adding it to a reading would not return
    assertThat(descriptor.problems(Map.of("offset", "1E-500000000")))
        .containsExactly("offset has more than 40 digits after the point");
    assertThat(descriptor.problems(Map.of("offset", "NaN")))
        .containsExactly("offset must be a number");
    assertThat(descriptor.problems(Map.of("offset", "11")))
        .containsExactly("offset must be at most 10");
    assertThat(descriptor.configure(Map.of("offset", " -1.5 ")).decimal("offset"))
        .isEqualTo(new BigDecimal("-1.5"));
  }
}
