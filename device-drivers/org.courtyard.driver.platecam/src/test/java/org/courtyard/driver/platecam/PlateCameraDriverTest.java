package org.courtyard.driver.platecam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.courtyard.driver.Command;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceRecord.CommandAck;
import org.courtyard.driver.DeviceRecord.Direction;
import org.courtyard.driver.DeviceRecord.PlateColour;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.DriverConformance;
import org.junit.jupiter.api.Test;

class PlateCameraDriverTest {

  private final PlateCameraDriver driver = new PlateCameraDriver();
  private final DeviceConfig defaults = driver.configDescriptor().defaults();
  private static final Instant RECEIVED = Instant.parse("2026-12-07T00:30:16Z");

  private DecodeResult decode(String json, DeviceConfig config) {
    return driver.decode(
        new Uplink(
            "cam-1", PlateCameraDriver.CAMERA, json.getBytes(StandardCharsets.UTF_8), RECEIVED),
        config);
  }

  private DecodeResult decode(String json) {
    return decode(json, defaults);
  }

  @Test
  void passesTheConformanceKit() {
    DriverConformance.of(driver)
        .samples(Path.of("src/test/resources/samples"))
        .seed(20261207)
        .run()
        .assertPassed();
  }

  @Test
  void anEntryIsThePlateAsReadWithItsLaneColourConfidenceAndSnapshot() {
    DecodeResult r =
        decode(
            "{\"seq\":5012,\"type\":\"plate\",\"ts\":\"2026-12-07T08:30:15+08:00\","
                + "\"lane\":\"in-1\",\"dir\":\"in\",\"plate\":\"粤B·12345\",\"color\":\"blue\","
                + "\"conf\":96,\"snap\":\"/snap/a.jpg\"}");
    assertThat(r.sequence()).isEqualTo(5012L);
    assertThat(r.items())
        .containsExactly(
            Decoded.good(
                new PlateRead(
                    "in-1",
                    Direction.ENTRY,
                    "粤B·12345",
                    PlateColour.BLUE,
                    96,
                    "/snap/a.jpg",
                    Instant.parse("2026-12-07T00:30:15Z"))));
  }

  @Test
  void aCarWithoutAPlateIsAReadWithoutOneAndChineseColoursAreKnown() {
    PlateRead none =
        (PlateRead)
            decode(
                    "{\"seq\":1,\"type\":\"plate\",\"ts\":\"2026-12-07T08:30:15+08:00\","
                        + "\"lane\":\"out-2\",\"dir\":\"out\",\"plate\":\"无牌车\",\"conf\":0}")
                .items()
                .get(0)
                .record();
    assertThat(none.plate()).isNull();
    assertThat(none.direction()).isEqualTo(Direction.EXIT);
    assertThat(none.confidence()).isZero();
    PlateRead green =
        (PlateRead)
            decode(
                    "{\"seq\":2,\"type\":\"plate\",\"ts\":\"2026-12-07T08:30:15+08:00\","
                        + "\"lane\":\"in-1\",\"dir\":\"in\",\"plate\":\"京AD12345\","
                        + "\"color\":\"绿\",\"conf\":\"88\"}")
                .items()
                .get(0)
                .record();
    assertThat(green.colour()).isEqualTo(PlateColour.GREEN);
    assertThat(green.confidence()).isEqualTo(88);
  }

  @Test
  void theGatewaysTimeWhenConfiguredAndAHeartbeatCarriesNothing() {
    DeviceConfig gateway = driver.configDescriptor().configure(Map.of("timeSource", "gateway"));
    DecodeResult r =
        decode(
            "{\"seq\":3,\"type\":\"plate\",\"lane\":\"in-1\",\"dir\":\"in\",\"plate\":\"粤B12345\","
                + "\"conf\":90}",
            gateway);
    assertThat(r.items().get(0).record().at()).isEqualTo(RECEIVED);
    DecodeResult beat = decode("{\"seq\":4,\"type\":\"heartbeat\"}");
    assertThat(beat.accepted()).isTrue();
    assertThat(beat.items()).isEmpty();
  }

  @Test
  void badReadsAreRefusedWithTheirReason() {
    Decoded overconfident =
        decode(
                "{\"seq\":5,\"type\":\"plate\",\"ts\":\"2026-12-07T08:30:15+08:00\","
                    + "\"lane\":\"in-1\",\"dir\":\"in\",\"plate\":\"粤B12345\",\"conf\":140}")
            .items()
            .get(0);
    assertThat(overconfident.status()).isEqualTo(RecordStatus.OUT_OF_RANGE);
    Decoded sideways =
        decode(
                "{\"seq\":6,\"type\":\"plate\",\"ts\":\"2026-12-07T08:30:15+08:00\","
                    + "\"lane\":\"in-1\",\"dir\":\"up\",\"plate\":\"粤B12345\",\"conf\":90}")
            .items()
            .get(0);
    assertThat(sideways.status()).isEqualTo(RecordStatus.MALFORMED);
    assertThat(sideways.detail()).contains("dir");
    Decoded noConfidence =
        decode(
                "{\"seq\":7,\"type\":\"plate\",\"ts\":\"2026-12-07T08:30:15+08:00\","
                    + "\"lane\":\"in-1\",\"dir\":\"in\",\"plate\":\"粤B12345\"}")
            .items()
            .get(0);
    assertThat(noConfidence.status()).isEqualTo(RecordStatus.MALFORMED);
    assertThat(decode("{\"seq\":8,\"type\":\"plate\",\"ts\":\"08:30\"}").accepted()).isFalse();
    DecodeResult reset =
        decode(
            "{\"seq\":8,\"type\":\"plate\",\"ts\":\"1970-01-01T00:00:00+08:00\","
                + "\"lane\":\"in-1\",\"dir\":\"in\",\"plate\":\"粤B12345\",\"conf\":90}");
    assertThat(reset.accepted()).isFalse();
    assertThat(reset.status()).isEqualTo(RecordStatus.OUT_OF_RANGE);
    assertThat(decode("{\"type\":\"plate\"}").accepted()).isFalse();
  }

  @Test
  void anAcknowledgementAnswersItsCommand() {
    assertThat(
            decode(
                    "{\"seq\":9,\"type\":\"ack\",\"ts\":\"2026-12-07T08:30:16+08:00\","
                        + "\"id\":7,\"ok\":false,\"error\":\"barrier jammed\"}")
                .items())
        .containsExactly(
            Decoded.good(
                new CommandAck(7, false, "barrier jammed", Instant.parse("2026-12-07T00:30:16Z"))));
  }

  @Test
  void openRaisesTheLanesBarrier() {
    EncodeResult ok =
        driver.encode(
            new Command(7, "open", Map.of("lane", "in-1")), PlateCameraDriver.CAMERA, defaults);
    assertThat(ok.status()).isEqualTo(EncodeResult.Status.OK);
    assertThat(new String(ok.payload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"cmd\":\"open\",\"id\":7,\"lane\":\"in-1\"}");
    assertThat(
            driver
                .encode(new Command(8, "open", Map.of()), PlateCameraDriver.CAMERA, defaults)
                .status())
        .isEqualTo(EncodeResult.Status.INVALID);
    assertThat(
            driver
                .encode(new Command(9, "reboot", Map.of()), PlateCameraDriver.CAMERA, defaults)
                .status())
        .isEqualTo(EncodeResult.Status.UNSUPPORTED);
  }
}
