package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatesTest {

  @ParameterizedTest
  @CsvSource({
    "粤B12345,       粤B12345",
    "粤b 123 45,     粤B12345",
    "粤B·12345,      粤B12345",
    "粤B-12345,      粤B12345",
    "京A.D1234.5,    京AD12345",
    "京ad12345,      京AD12345",
    "粤Ｂ１２３４５, 粤B12345",
    "ab-123 cd,      AB123CD",
  })
  void normalisesCaseAndSeparators(String written, String stored) {
    assertThat(Plates.normalize(written)).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "粤B12345", // ordinary
        "京AD12345", // new energy
        "沪A1234学", // learner
        "苏E1234挂", // trailer
        "粤Z1234港", // Hong Kong cross-border
        "川A0000A",
        "AB123CD", // foreign
        "B1",
        "ABCDEFGHIJ",
      })
  void acceptsChineseAndForeignPlates(String plate) {
    assertThat(Plates.isValid(plate)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A", // too short
        "ABCDEFGHIJK", // too long
        "粤12345", // no letter after the province
        "粤B1234", // one character short
        "粤B1234567", // one character too many
        "中A12345", // not a province
        "粤B12#45",
        "AB_123",
        "",
      })
  void refusesWhatIsNoPlate(String plate) {
    assertThat(Plates.isValid(plate)).isFalse();
  }

  @Test
  void theFieldRuleNormalisesAndReports() {
    List<String> messages = new ArrayList<>();

    assertThat(Plates.plate(" 粤b·123 45 ", "plate", (f, m) -> messages.add(f + " " + m)))
        .isEqualTo("粤B12345");
    assertThat(Plates.plate("粤B123", "plate", (f, m) -> messages.add(f + " " + m))).isNull();
    assertThat(Plates.plate(" - . ", "plate", (f, m) -> messages.add(f + " " + m))).isNull();
    assertThat(Plates.plate(null, "plate", (f, m) -> messages.add(f + " " + m))).isNull();

    assertThat(messages).hasSize(3);
    assertThat(messages.get(0)).startsWith("plate is not a licence plate").contains("\"粤B123\"");
    assertThat(messages.get(1)).isEqualTo("plate is required");
    assertThat(messages.get(2)).isEqualTo("plate is required");
  }
}
