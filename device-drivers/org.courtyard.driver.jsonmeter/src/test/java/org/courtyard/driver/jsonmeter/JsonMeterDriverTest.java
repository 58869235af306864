package org.courtyard.driver.jsonmeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.courtyard.driver.Command;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceRecord.Alarm;
import org.courtyard.driver.DeviceRecord.AlarmKind;
import org.courtyard.driver.DeviceRecord.MeterKind;
import org.courtyard.driver.DeviceRecord.MeterReading;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.DriverConformance;
import org.junit.jupiter.api.Test;

class JsonMeterDriverTest {

  private final JsonMeterDriver driver = new JsonMeterDriver();
  private final DeviceConfig defaults = driver.configDescriptor().defaults();
  private static final Instant RECEIVED = Instant.parse("2026-11-28T02:00:00Z");

  private DecodeResult decode(String json, DeviceConfig config) {
    return driver.decode(
        new Uplink("m1", JsonMeterDriver.WATER, json.getBytes(StandardCharsets.UTF_8), RECEIVED),
        config);
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
  void readingsAreScaledAndTimedByTheMeter() {
    DeviceConfig litres = driver.configDescriptor().configure(Map.of("scale", "0.001"));
    DecodeResult r =
        decode(
            "{\"seq\":9,\"ts\":1764288000,\"readings\":[{\"type\":\"water\",\"total\":\"123456\"}]}",
            litres);
    assertThat(r.sequence()).isEqualTo(9L);
    assertThat(r.items())
        .containsExactly(
            Decoded.good(
                new MeterReading(
                    "1",
                    MeterKind.WATER,
                    new BigDecimal("123.456"),
                    "m3",
                    Instant.ofEpochSecond(1764288000))));
  }

  @Test
  void gatewayTimeWhenConfigured() {
    DeviceConfig gateway = driver.configDescriptor().configure(Map.of("timeSource", "gateway"));
    DecodeResult r =
        decode("{\"seq\":9,\"readings\":[{\"type\":\"gas\",\"total\":\"1\"}]}", gateway);
    assertThat(((MeterReading) r.items().get(0).record()).at()).isEqualTo(RECEIVED);
  }

  @Test
  void aBadChannelDoesNotSpoilTheGoodOne() {
    DecodeResult r =
        decode(
            "{\"seq\":9,\"ts\":1,\"readings\":[{\"ch\":\"1\",\"type\":\"water\",\"err\":3},"
                + "{\"ch\":\"2\",\"type\":\"water\",\"total\":\"5\"}]}",
            defaults);
    assertThat(r.accepted()).isTrue();
    assertThat(r.items())
        .extracting(Decoded::status)
        .containsExactly(RecordStatus.DEVICE_FAULT, RecordStatus.GOOD);
  }

  @Test
  void lowBatteryRaisesAnAlarmAtTheConfiguredThreshold() {
    DeviceConfig at30 = driver.configDescriptor().configure(Map.of("lowBatteryPercent", "30"));
    DecodeResult r = decode("{\"seq\":1,\"ts\":1,\"battery\":25}", at30);
    assertThat(r.items())
        .extracting(Decoded::record)
        .anySatisfy(
            rec ->
                assertThat(rec)
                    .isInstanceOfSatisfying(
                        Alarm.class, a -> assertThat(a.kind()).isEqualTo(AlarmKind.LOW_BATTERY)));
    assertThat(decode("{\"seq\":1,\"ts\":1,\"battery\":25}", defaults).items())
        .noneMatch(d -> d.record() instanceof Alarm);
  }

  private DecodeResult total(String text) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            decode(
                "{\"seq\":1,\"ts\":1,\"readings\":[{\"type\":\"water\",\"total\":\""
                    + text
                    + "\"}]}",
                defaults));
  }

  @Test
  void hostileTotalsAreFlaggedQuicklyAndNeverStored() {
    Map<String, RecordStatus> hostile =
        Map.ofEntries(
            Map.entry("1E-500000000", RecordStatus.OUT_OF_RANGE), // hung in setScale before 1.2.1
            Map.entry("1E-2147483647", RecordStatus.OUT_OF_RANGE),
            Map.entry("1E+999999999", RecordStatus.OUT_OF_RANGE),
            Map.entry("1000000000000", RecordStatus.OUT_OF_RANGE),
            Map.entry("9".repeat(10_000), RecordStatus.MALFORMED),
            Map.entry("NaN", RecordStatus.MALFORMED),
            Map.entry("Infinity", RecordStatus.MALFORMED),
            Map.entry("0x1F", RecordStatus.MALFORMED),
            Map.entry("1_000", RecordStatus.MALFORMED),
            Map.entry("\u0661\u0662\u0663", RecordStatus.MALFORMED)); // Arabic-Indic 123
    hostile.forEach(
        (text, status) -> {
          DecodeResult r = total(text);
          assertThat(r.accepted()).as(text).isTrue();
          assertThat(r.items()).as(text).extracting(Decoded::status).containsExactly(status);
          assertThat(r.items().get(0).detail()).as(text).startsWith("channel 1: total");
        });
    assertThat(((MeterReading) total("-0").items().get(0).record()).value()).isZero();
    // a double's noise is rounded, as before
    assertThat(((MeterReading) total("1234.5670000000001").items().get(0).record()).value())
        .isEqualTo(new BigDecimal("1234.567"));
  }

  @Test
  void controlCharactersNeverReachARecord() {
    DecodeResult r =
        decode(
            "{\"seq\":1,\"ts\":1,\"alarms\":[\"x\\u0000\"],\"readings\":["
                + "{\"ch\":\"\\u0000\",\"type\":\"water\",\"total\":\"1\"},"
                + "{\"type\":\"water\",\"total\":\"1\",\"unit\":\"m\\u00003\"}]}",
            defaults);
    assertThat(r.items())
        .extracting(Decoded::status)
        .containsExactly(RecordStatus.MALFORMED, RecordStatus.MALFORMED, RecordStatus.UNSUPPORTED);
    assertThat(r.items()).allSatisfy(d -> assertThat(d.detail()).doesNotContain("\u0000"));
  }

  @Test
  void malformedPayloadsAreRejectedWithAReason() {
    for (String bad :
        new String[] {"", "[]", "{\"ts\":1}", "{\"seq\":\"x\",\"ts\":1}", "{\"seq\":1}"}) {
      DecodeResult r = decode(bad, defaults);
      assertThat(r.accepted()).as(bad).isFalse();
      assertThat(r.detail()).as(bad).isNotBlank();
    }
  }

  @Test
  void encodesTheIntervalCommandAndRefusesOthers() {
    EncodeResult ok =
        driver.encode(
            new Command(7, "set-interval", Map.of("seconds", "900")), "gas-meter", defaults);
    assertThat(new String(ok.payload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"cmd\":\"interval\",\"id\":7,\"seconds\":900}");
    assertThat(
            driver
                .encode(
                    new Command(7, "set-interval", Map.of("seconds", "5")), "gas-meter", defaults)
                .status())
        .isEqualTo(EncodeResult.Status.INVALID);
    assertThat(driver.encode(new Command(7, "open", Map.of()), "gas-meter", defaults).status())
        .isEqualTo(EncodeResult.Status.UNSUPPORTED);
  }

  @Test
  void unknownSettingsAndBadValuesAreRefused() {
    assertThat(driver.configDescriptor().problems(Map.of("scale", "0", "colour", "red")))
        .containsExactlyInAnyOrder("unknown setting colour", "scale must be at least 0.000001");
  }
}
