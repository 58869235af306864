package org.courtyard.residents.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86-138-1234-5678",
        "+86 138 1234 5678",
        "(+86) 138.1234.5678",
        "008613812345678",
        "0086 138 1234 5678",
        "8613812345678",
        "  13812345678\t",
        // what a Chinese input method in full-width mode produces
        "（＋８６）１３８　１２３４　５６７８",
      })
  void everyWayOfWritingAChineseMobileGivesOneStoredForm(String written) {
    assertThat(PhoneNumbers.normalize(written)).contains("+8613812345678");
  }

  @ParameterizedTest
  @CsvSource({
    "0755-1234 5678,      +8675512345678",
    "010 8765 4321,       +861087654321",
    "+86 755 1234 5678,   +8675512345678",
    "+86 (0)755 1234 5678, +8675512345678",
    "+1 415 555 2671,     +14155552671",
    "0049 151 1234 5678,  +4915112345678",
    "+852 9123 4567,      +85291234567",
    "+44 20 7946 0958,    +442079460958",
  })
  void landlinesAndOtherCountriesKeepTheirCountryCode(String written, String stored) {
    assertThat(PhoneNumbers.normalize(written)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12345678", // no country code and not a Chinese mobile
        "1381234567", // a digit short
        "138123456789", // a digit too many
        "12812345678", // mobile numbers start 13 to 19
        "+86 1381234567",
        "+1234567", // 7 digits
        "+1234567890123456", // 16 digits
        "+0123456789",
        "138-1234-567a",
        "+86 138 1234 5678 ext 12",
        "138+12345678",
        "++8613812345678",
      })
  void refusesWhatIsNoPhoneNumber(String written) {
    assertThat(PhoneNumbers.normalize(written)).isEmpty();
  }

  @Test
  void theFieldRuleReportsWhatToWriteInstead() {
    List<String> messages = new ArrayList<>();

    assertThat(PhoneNumbers.phone("12345", "phone", (f, m) -> messages.add(f + " " + m))).isNull();
    assertThat(PhoneNumbers.phone("  ", "phone", (f, m) -> messages.add(f + " " + m))).isNull();

    assertThat(messages.get(0)).startsWith("phone is not a phone number").contains("\"12345\"");
    assertThat(messages.get(1)).isEqualTo("phone is required");
  }

  @Test
  void aSearchForAWholeNumberMatchesItsStoredDigitsHoweverItIsWritten() {
    assertThat(PhoneNumbers.searchSuffix("138 1234 5678")).isEqualTo("8613812345678");
    assertThat(PhoneNumbers.searchSuffix("008613812345678")).isEqualTo("8613812345678");
    assertThat("+8613812345678").endsWith(PhoneNumbers.searchSuffix("+86-138-1234-5678"));
  }

  @Test
  void aSearchForSomeDigitsMatchesTheLastDigits() {
    assertThat(PhoneNumbers.searchSuffix("5678")).isEqualTo("5678");
    assertThat(PhoneNumbers.searchSuffix("1234 5678")).isEqualTo("12345678");
    assertThat(PhoneNumbers.searchSuffix("５６７８")).isEqualTo("5678");
  }

  @ParameterizedTest
  @ValueSource(strings = {"678", "1 2 3", "张三", "粤B12345", "5678a", "", "   "})
  void aSearchWithFewerThanFourDigitsOrOtherCharactersIsNoPhoneSearch(String q) {
    assertThat(PhoneNumbers.searchSuffix(q)).isNull();
  }
}
