package org.courtyard.driver.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
    // compares bytes: a String of a 1 MiB payload can take longer than the 100 ms limit on a busy
    // machine
    return Arrays.equals(u.payload(), OK)
        ? DecodeResult.of(
            1L, List.of(Decoded.good(new SensorValue("x", BigDecimal.ONE, "u", u.receivedAt()))))
        : DecodeResult.rejected(RecordStatus.MALFORMED, "not ok");
  }

  private static final byte[] OK = {'o', 'k'};

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
    assertThat(failed(report)).first().asString().startsWith("fuzzing with 300");
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
    // hangs stop the run before it leaves more threads spinning; the cases not run say so
    assertThat(hostile(report, "a NUL byte").detail()).isEqualTo("not run: stopped after 3 hangs");
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(20).toNanos());
  }

  /** A probe whose payload is one number, read by plain BigDecimal and kept to 2 places. */
  private static DecodeResult naiveNumber(Uplink u) {
    String text = new String(u.payload(), StandardCharsets.UTF_8);
    if (text.equals("ok")) {
      return wellBehaved(u);
    }
    try {
      BigDecimal v = new BigDecimal(text).setScale(2, RoundingMode.HALF_UP);
      return DecodeResult.of(
          1L, List.of(Decoded.good(new SensorValue("x", v, "u", u.receivedAt()))));
    } catch (NumberFormatException e) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "not a number");
    }
  }

  private static Check hostile(ConformanceReport report, String name) {
    return report.checks().stream()
        .filter(c -> c.name().startsWith("hostile input, " + name + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check for " + name + " in " + report));
  }

  @Test
  void aDecoderThatHangsOnAHugeExponentFailsTheCaseNamedAfterIt() {
    ConformanceReport report = run(probe(INFO, DriverConformanceTest::naiveNumber));
    Check c = hostile(report, "number 1E-500000000");
    assertThat(c.passed()).isFalse();
    assertThat(c.detail())
        .contains("the whole payload (probe): did not return within 100 ms")
        .doesNotContain("ok (probe)");
    assertThat(report.toString())
        .contains(
            "FAIL  hostile input, number 1E-500000000: no exception, no null, no decode over");
    assertThat(hostile(report, "number 1E+999999999").detail())
        .contains("threw java.lang.ArithmeticException");
    assertThat(hostile(report, "number 10,000 nines").detail())
        .contains("has a number of precision 10002 and scale 2");
    assertThat(hostile(report, "number NaN").passed()).isTrue();
  }

  @Test
  void aGoodRecordWithAnAbsurdNumberFails() {
    // keeps the number as it came: 1E-2147483647 is stored as a reading of scale 2147483647
    ConformanceReport report =
        run(
            probe(
                INFO,
                u -> {
                  if (u.payload().length != 13) {
                    return wellBehaved(u);
                  }
                  String text = new String(u.payload(), StandardCharsets.UTF_8);
                  if (!text.equals("1E-2147483647")) {
                    return wellBehaved(u);
                  }
                  return DecodeResult.of(
                      1L,
                      List.of(
                          Decoded.good(
                              new SensorValue("x", new BigDecimal(text), "u", u.receivedAt()))));
                }));
    assertThat(failed(report))
        .singleElement()
        .asString()
        .startsWith("hostile input, number 1E-2147483647:");
    assertThat(hostile(report, "number 1E-2147483647").detail())
        .contains("GOOD item 1 (SensorValue) has a number of precision 1 and scale 2147483647");
  }

  @Test
  void aRecursiveParserThatOverflowsTheStackFailsTheNestingCase() {
    ConformanceReport report =
        run(
            probe(
                INFO,
                u -> {
                  depth(u.payload(), 0);
                  return wellBehaved(u);
                }));
    assertThat(hostile(report, "100,000 levels of [").passed()).isFalse();
    assertThat(hostile(report, "100,000 levels of [").detail()).contains("StackOverflowError");
  }

  private static int depth(byte[] p, int i) {
    return i < p.length && p[i] == '[' ? 1 + depth(p, i + 1) : 0;
  }

  @Test
  void aDecoderThatThrowsOnInvalidUtf8FailsTheCaseNamedAfterIt() {
    ConformanceReport report =
        run(
            probe(
                INFO,
                u -> {
                  try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(u.payload()));
                  } catch (CharacterCodingException e) {
                    throw new IllegalStateException(e);
                  }
                  return wellBehaved(u);
                }));
    assertThat(failed(report))
        .contains(
            hostile(report, "invalid UTF-8 EDA080 (a lone surrogate)").name(),
            hostile(report, "invalid UTF-8 E282 (a truncated sequence)").name())
        .noneMatch(n -> n.contains("number 1E-500000000"));
  }

  @Test
  void aGoodRecordWithANulOrAnImpossibleTimeFails() {
    DeviceDriver nul =
        probe(
            INFO,
            u ->
                u.payload().length == 1 && u.payload()[0] == 0
                    ? DecodeResult.of(
                        1L,
                        List.of(
                            Decoded.good(
                                new SensorValue("x\u0000", BigDecimal.ONE, "u", u.receivedAt()))))
                    : wellBehaved(u));
    assertThat(failed(run(nul)))
        .singleElement()
        .asString()
        .startsWith("hostile input, a NUL byte:");
    assertThat(
            DriverConformance.implausible(
                DecodeResult.of(
                    1L,
                    List.of(
                        Decoded.good(
                            new SensorValue(
                                "x", BigDecimal.ONE, "u", Instant.ofEpochSecond(-1)))))))
        .isEqualTo(
            "GOOD item 1 (SensorValue) is timed 1969-12-31T23:59:59Z, outside the years 1970-9999");
    assertThat(
            DriverConformance.implausible(
                DecodeResult.rejected(RecordStatus.MALFORMED, "bad \u0000 here")))
        .isEqualTo("its detail holds a NUL");
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
