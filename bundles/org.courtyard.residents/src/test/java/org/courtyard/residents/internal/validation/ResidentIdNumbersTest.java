package org.courtyard.residents.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courtyard.api.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumbersTest {

  /**
   * The check character by the definition of ISO 7064 MOD 11-2, independent of the table in the
   * class under test: weights 2^(17-i) mod 11, then (12 - sum mod 11) mod 11 with 10 written X.
   */
  private static char byDefinition(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = (1 << (17 - i)) % 11;
      sum += (first17.charAt(i) - '0') * weight;
    }
    int check = (12 - sum % 11) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  @ParameterizedTest
  @CsvSource({
    "11010519491231002, X",
    "11010119900307123, 3",
    "44030419851112567, 4",
    "32010619720229301, 7",
    "31011519880101000, 6",
    "11010119800101001, 0",
  })
  void computesTheCheckCharacter(String first17, char check) {
    assertThat(ResidentIdNumbers.checkCharacter(first17)).isEqualTo(check);
    assertThat(byDefinition(first17)).isEqualTo(check);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "110101199003071233",
        "440304198511125674",
        "320106197202293017", // born on 29 February of a leap year
        "310115198801010006",
        "110101198001010010",
      })
  void acceptsValidNumbers(String number) {
    assertThat(ResidentIdNumbers.problem(number)).isNull();
    assertThat(ResidentIdNumbers.isValid(number)).isTrue();
  }

  @Test
  void normalisesALowerCaseXAndSpaces() {
    String normalized = ResidentIdNumbers.normalize(" 110105 19491231 002x ");

    assertThat(normalized).isEqualTo("11010519491231002X");
    assertThat(ResidentIdNumbers.isValid(normalized)).isTrue();
  }

  @Test
  void everySingleMistypedDigitIsCaught() {
    String valid = "110101199003071233";
    for (int position = 0; position < 17; position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit == valid.charAt(position)) {
          continue;
        }
        String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
        assertThat(ResidentIdNumbers.isValid(typo)).as(typo).isFalse();
      }
    }
  }

  @Test
  void aWrongCheckCharacterIsReportedWithoutNamingTheExpectedOne() {
    assertThat(ResidentIdNumbers.problem("110101199003071234").toString())
        .contains("check character does not match")
        .doesNotContain("expected");
    assertThat(ResidentIdNumbers.problem("110101199003071234").in(Languages.CHINESE))
        .isEqualTo("不是有效的居民身份证号码：校验码不符，可能有数字输错");
    assertThat(ResidentIdNumbers.problem("110105194912310020")).isNotNull();
    assertThat(ResidentIdNumbers.problem("11010119900307123X")).isNotNull();
  }

  @Test
  void twoSwappedNeighbouringDigitsAreCaught() {
    // 0307 -> 0370 would be an invalid date; swap the sequence digits instead: 123 -> 213
    assertThat(ResidentIdNumbers.isValid("110101199003072133")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "1101011990030712,     must be 18 characters",
    "1101011990030712331,  must be 18 characters",
    "110101900307123,      must be 18 characters",
    "11010119900307123Y,   must be 17 digits followed by a digit or X",
    "1101011990X307123X,   must be 17 digits followed by a digit or X",
    "110101199002301230,   does not contain a valid date of birth",
    "110101199013011230,   does not contain a valid date of birth",
    "110101197302293014,   does not contain a valid date of birth",
    "110101189912311230,   does not contain a valid date of birth",
  })
  void explainsWhatIsWrong(String number, String message) {
    assertThat(ResidentIdNumbers.problem(number).toString()).startsWith(message);
  }

  @Test
  void theCheckCharacterNeedsSeventeenDigits() {
    assertThatThrownBy(() -> ResidentIdNumbers.checkCharacter("1101"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResidentIdNumbers.checkCharacter("1101011990030712A"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
