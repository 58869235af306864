package org.courtyard.driver.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.DriverConformance;
import org.junit.jupiter.api.Test;

class ThermometerDriverTest {

  private final ThermometerDriver driver = new ThermometerDriver();
  private final DeviceConfig offset = driver.configDescriptor().configure(Map.of("offset", "0.5"));

  private DecodeResult decode(String text) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            driver.decode(
                new Uplink(
                    "t1",
                    ThermometerDriver.THERMOMETER,
                    text.getBytes(StandardCharsets.UTF_8),
                    Instant.EPOCH),
                offset));
  }

  @Test
  void passesTheConformanceKit() {
    DriverConformance.of(driver)
        .samples(Path.of("src/test/resources/samples"))
        .run()
        .assertPassed();
  }

  @Test
  void aReadingIsCorrectedByTheOffset() {
    assertThat(decode("42:21.5").items())
        .containsExactly(
            Decoded.good(
                new SensorValue("temperature", new BigDecimal("22.0"), "°C", Instant.EPOCH)));
  }

  @Test
  void hostileNumbersAreFlaggedQuicklyAndNeverStored() {
    Map<String, RecordStatus> hostile =
        Map.of(
            "1E-500000000", RecordStatus.OUT_OF_RANGE, // was a GOOD reading of that scale
            "1E+999999999", RecordStatus.OUT_OF_RANGE, // threw in the offset's addition
            "1E-2147483647", RecordStatus.OUT_OF_RANGE,
            "NaN", RecordStatus.MALFORMED,
            "Infinity", RecordStatus.MALFORMED,
            "0x1F", RecordStatus.MALFORMED,
            "1_000", RecordStatus.MALFORMED);
    hostile.forEach(
        (text, status) ->
            assertThat(decode("1:" + text).items())
                .as(text)
                .extracting(Decoded::status)
                .containsExactly(status));
    assertThat(decode("1:-0").items().get(0).isGood()).isTrue();
    assertThat(decode("99999999999999999999:1").status()).isEqualTo(RecordStatus.OUT_OF_RANGE);
    assertThat(decode("١:1").status()).isEqualTo(RecordStatus.MALFORMED);
    assertThat(decode("1:" + "9".repeat(1 << 20)).detail()).isEqualTo("payload over 40 bytes");
  }
}
