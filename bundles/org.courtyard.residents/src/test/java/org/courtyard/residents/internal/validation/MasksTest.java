package org.courtyard.residents.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasksTest {

  @ParameterizedTest
  @CsvSource({
    "+8613812345678, +86 138****5678",
    "+8675512345678, +86 755****5678",
    "+861087654321,  +86 108***4321",
    "+14155552671,   +141****2671",
    "+4915112345678, +491******5678",
    "+12345678,      +123*5678",
  })
  void phonesShowTheCountryCodeTheFirstThreeAndTheLastFourDigits(String stored, String shown) {
    assertThat(Masks.phone(stored)).isEqualTo(shown);
  }

  @Test
  void aResidentIdShowsItsFirstAndLastFourCharacters() {
    assertThat(Masks.idNumber("110101199003071233")).isEqualTo("1101**********1233");
    assertThat(Masks.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
  }

  @Test
  void shortNumbersShowAQuarterAtEachEndAtMost() {
    assertThat(Masks.idNumber("E12345678")).isEqualTo("E1*****78");
    assertThat(Masks.idNumber("AB1234")).isEqualTo("A****4");
    assertThat(Masks.idNumber("123")).isEqualTo("***");
    assertThat(Masks.idNumber("中国护照12345")).isEqualTo("中国*****45");
  }

  @Test
  void nothingStaysNothing() {
    assertThat(Masks.phone(null)).isNull();
    assertThat(Masks.idNumber(null)).isNull();
  }

  @Test
  void aMaskedValueNeverContainsTheHiddenMiddle() {
    String id = "440304198511125674";
    String masked = Masks.idNumber(id);

    assertThat(masked).hasSize(id.length()).doesNotContain("19851112");
  }
}
