package org.courtyard.driver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.courtyard.driver.Command;
import org.courtyard.driver.ConfigDescriptor;
import org.courtyard.driver.ConfigField;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.ConformanceReport.Check;
import org.junit.jupiter.api.Test;

/** The kit must fail the drivers the gateway would quarantine, and pass a well-behaved one. */
class DriverConformanceTest {

  /** A probe driver whose decode is the given function; "ok" is its good payload. */
  private static DeviceDriver probe(DriverInfo info, Function<Uplink, DecodeResult> decode) {
    return new DeviceDriver() {
      @Override
      public DriverInfo info() {
        return info;
      }

      @Override
      public ConfigDescriptor configDescriptor() {
        return ConfigDescriptor.of(ConfigField.bool("verbose", "Verbose", null, false));
      }

      @Override
      public DecodeResult decode(Uplink uplink, DeviceConfig config) {
        return decode.apply(uplink);
      }

      @Override
      public EncodeResult encode(Command command, String deviceType, DeviceConfig config) {
        return EncodeResult.unsupported(command.name());
      }
    };
  }

  private static final DriverInfo INFO =
      new DriverInfo("probe", "Probe", "Tests", "1.0.0", List.of("probe"));

  private static DecodeResult wellBehaved(Uplink u) {
    String text = new String(u.payload());
    return text.equals("ok")
        ? DecodeResult.of(
            1L, List.of(Decoded.good(new SensorValue("x", BigDecimal.ONE, "u", u.receivedAt()))))
        : DecodeResult.rejected(RecordStatus.MALFORMED, "not ok");
  }

  private static ConformanceReport run(DeviceDriver driver) {
    return DriverConformance.of(driver)
        .samples(Path.of("src/test/resources/samples"))
        .fuzzPayloads(300)
        .seed(1)
        .timeLimit(Duration.ofMillis(100))
        .run();
  }

  private static List<String> failed(ConformanceReport report) {
    return report.failures().stream().map(Check::name).toList();
  }

  @Test
  void aWellBehavedDriverPasses() {
    ConformanceReport report = run(probe(INFO, DriverConformanceTest::wellBehaved));
    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(report.checks()).hasSizeGreaterThan(10);
  }

  @Test
  void aDecoderThatThrowsOnGarbageFailsTheFuzzCheck() {
    ConformanceReport report =
        run(
            probe(
                INFO,
                u -> {
                  if (u.payload().length > 3) {
                    throw new ArrayIndexOutOfBoundsException(3);
                  }
                  return wellBehaved(u);
                }));
    assertThat(failed(report)).singleElement().asString().startsWith("fuzzing with 300");
    assertThat(report.failures().get(0).detail()).contains("ArrayIndexOutOfBoundsException");
    assertThatThrownBy(report::assertPassed)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FAIL");
  }

  @Test
  void aDecoderThatHangsIsCaughtAndTheRunStillEnds() {
    long start = System.nanoTime();
    ConformanceReport report =
        run(
            probe(
                INFO,
                u -> {
                  if (u.payload().length > 100) {
                    while (true) {
                      Thread.onSpinWait();
                    }
                  }
                  return wellBehaved(u);
                }));
    assertThat(report.failures().get(0).detail())
        .contains("did not return within 100 ms")
        .contains("stopped after 3 hangs");
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(20).toNanos());
  }

  @Test
  void aDecoderThatAcceptsEverythingFailsTheBadSamples() {
    DeviceDriver lax = probe(INFO, u -> DecodeResult.of(null, List.of()));
    ConformanceReport report =
        DriverConformance.of(lax)
            .sample(new Sample("bad/probe/x", "probe", new byte[] {1}, false))
            .sample(new Sample("good/probe/ok", "probe", "ok".getBytes(), true))
            .fuzzPayloads(10)
            .run();
    assertThat(failed(report)).containsExactly("sample bad/probe/x is rejected or flagged");
  }

  @Test
  void aBadDescriptorAndInfoAreReported() {
    DriverInfo bad = new DriverInfo("Probe!", "", "Tests", "one", List.of("probe", "probe"));
    ConformanceReport report = run(probe(bad, DriverConformanceTest::wellBehaved));
    assertThat(failed(report))
        .contains(
            "driver id Probe! matches " + DriverInfo.ID_PATTERN,
            "driver name and vendor are given",
            "version one is major.minor.micro[-qualifier]",
            "device types are distinct");
  }

  @Test
  void aMissingSampleForADeviceTypeIsReported() {
    DriverInfo two = new DriverInfo("probe", "Probe", "Tests", "1.0.0", List.of("probe", "other"));
    assertThat(failed(run(probe(two, DriverConformanceTest::wellBehaved))))
        .containsExactly("a good sample for device type other");
  }
}
