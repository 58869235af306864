package org.courtyard.driver.kvsensor;

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
import org.courtyard.driver.DeviceRecord.ParkingSpaceState;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.DriverConformance;
import org.junit.jupiter.api.Test;

class KvSensorDriverTest {

  private final KvSensorDriver driver = new KvSensorDriver();

  private DecodeResult decode(String type, String text, DeviceConfig config) {
    return driver.decode(
        new Uplink("s1", type, text.getBytes(StandardCharsets.US_ASCII), Instant.EPOCH), config);
  }

  @Test
  void passesTheConformanceKit() {
    DriverConformance.of(driver)
        .samples(Path.of("src/test/resources/samples"))
        .seed(20261128)
        .run()
        .assertPassed();
  }

  @Test
  void theTemperatureOffsetIsApplied() {
    DeviceConfig offset = driver.configDescriptor().configure(Map.of("temperatureOffset", "-1.5"));
    DecodeResult r = decode(KvSensorDriver.ENV, "seq=1;ts=10;t=21.5", offset);
    assertThat(r.items())
        .containsExactly(
            Decoded.good(
                new SensorValue(
                    "temperature", new BigDecimal("20.0"), "°C", Instant.ofEpochSecond(10))));
  }

  @Test
  void theConfiguredSpaceWinsOverTheSensorsOwnCode() {
    DeviceConfig space = driver.configDescriptor().configure(Map.of("space", "P-101"));
    DecodeResult r = decode(KvSensorDriver.PARKING, "seq=1;ts=10;sp=X;occ=1", space);
    assertThat(r.items().get(0).record())
        .isEqualTo(new ParkingSpaceState("P-101", true, Instant.ofEpochSecond(10)));
  }

  @Test
  void anUnknownKeyIsFlaggedAndTheRestKept() {
    DecodeResult r =
        decode(
            KvSensorDriver.ENV, "seq=1;ts=10;lux=300;h=40", driver.configDescriptor().defaults());
    assertThat(r.accepted()).isTrue();
    assertThat(r.items())
        .extracting(Decoded::status)
        .containsExactly(RecordStatus.UNSUPPORTED, RecordStatus.GOOD);
  }

  @Test
  void hostileValuesAreFlaggedQuicklyAndNeverStored() {
    DeviceConfig offset = driver.configDescriptor().configure(Map.of("temperatureOffset", "0.5"));
    Map<String, RecordStatus> hostile =
        Map.of(
            "t=1E+999999999",
            RecordStatus.OUT_OF_RANGE, // threw in add before 0.9.4
            "t=1E-500000000",
            RecordStatus.OUT_OF_RANGE, // hung in add before 0.9.4
            "h=1E-2147483647",
            RecordStatus.OUT_OF_RANGE, // was a GOOD humidity
            "co2=4.9E-325",
            RecordStatus.OUT_OF_RANGE,
            "bat=NaN",
            RecordStatus.MALFORMED,
            "h=Infinity",
            RecordStatus.MALFORMED,
            "co2=0x1F",
            RecordStatus.MALFORMED,
            "co2=1_000",
            RecordStatus.MALFORMED,
            "t=" + "9".repeat(900),
            RecordStatus.MALFORMED);
    hostile.forEach(
        (pair, status) -> {
          DecodeResult r =
              assertTimeoutPreemptively(
                  Duration.ofSeconds(1),
                  () -> decode(KvSensorDriver.ENV, "seq=1;ts=10;" + pair, offset));
          assertThat(r.items()).as(pair).extracting(Decoded::status).containsExactly(status);
        });
    assertThat(decode(KvSensorDriver.ENV, "seq=1;ts=10;h=-0", offset).items().get(0).isGood())
        .isTrue();
  }

  @Test
  void aLineEndInsideTheMessageIsRejected() {
    DecodeResult r =
        decode(
            KvSensorDriver.PARKING,
            "seq=1;ts=10;sp=B1\r023;occ=1\r\n",
            driver.configDescriptor().defaults());
    assertThat(r.status()).isEqualTo(RecordStatus.MALFORMED);
    assertThat(
            decode(
                    KvSensorDriver.PARKING,
                    "seq=1;ts=10;sp=B1;occ=1\r\n",
                    driver.configDescriptor().defaults())
                .accepted())
        .isTrue();
  }

  @Test
  void binaryIsRejected() {
    DecodeResult r =
        driver.decode(
            new Uplink("s1", KvSensorDriver.ENV, new byte[] {1, 2, 3}, Instant.EPOCH),
            driver.configDescriptor().defaults());
    assertThat(r.status()).isEqualTo(RecordStatus.MALFORMED);
  }
}
