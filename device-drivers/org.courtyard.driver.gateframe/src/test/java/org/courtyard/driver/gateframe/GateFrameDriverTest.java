package org.courtyard.driver.gateframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.courtyard.driver.Command;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceRecord.AccessEvent;
import org.courtyard.driver.DeviceRecord.CommandAck;
import org.courtyard.driver.DeviceRecord.CredentialKind;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.courtyard.driver.conformance.DriverConformance;
import org.junit.jupiter.api.Test;

class GateFrameDriverTest {

  private final GateFrameDriver driver = new GateFrameDriver();
  private final DeviceConfig defaults = driver.configDescriptor().defaults();

  private DecodeResult decode(byte[] frame) {
    return driver.decode(
        new Uplink("g1", GateFrameDriver.DOOR, frame, Instant.parse("2026-11-28T00:00:00Z")),
        defaults);
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
  void crcMatchesTheStandardCheckValue() {
    // CRC-16/CCITT-FALSE of "123456789" is 0x29B1 by definition of the algorithm
    assertThat(Frame.crc16("123456789".getBytes(), 0, 9)).isEqualTo(0x29B1);
  }

  @Test
  void decodesADeniedAccessWithItsReason() {
    byte[] body = {2, 0, 2, 2, 8, 'P', 'I', 'N', '-', '0', '0', '4', '2'};
    DecodeResult r = decode(Frame.build(Frame.ACCESS, 502, 1764288005L, body));
    assertThat(r.sequence()).isEqualTo(502L);
    assertThat(r.items())
        .containsExactly(
            Decoded.good(
                new AccessEvent(
                    "2",
                    CredentialKind.PIN,
                    "PIN-0042",
                    false,
                    "credential expired",
                    Instant.ofEpochSecond(1764288005L))));
  }

  @Test
  void aFlippedBitIsABadChecksum() {
    byte[] frame = Frame.build(Frame.HEARTBEAT, 1, 1, new byte[0]);
    frame[6] ^= 0x10;
    DecodeResult r = decode(frame);
    assertThat(r.status()).isEqualTo(RecordStatus.BAD_CHECKSUM);
    assertThat(r.detail()).startsWith("CRC");
  }

  @Test
  void aShortBodyIsMalformedNotAnException() {
    DecodeResult r = decode(Frame.build(Frame.ACK, 1, 1, new byte[] {0, 0}));
    assertThat(r.status()).isEqualTo(RecordStatus.MALFORMED);
  }

  @Test
  void theOpenCommandRoundTripsThroughTheFrameFormat() {
    EncodeResult e =
        driver.encode(
            new Command(77, "open", Map.of("door", "2", "seconds", "8")), "barrier-gate", defaults);
    assertThat(e.status()).isEqualTo(EncodeResult.Status.OK);
    byte[] p = e.payload();
    assertThat(HexFormat.of().formatHex(p, 0, 5)).isEqualTo("a55a0c0181");
    assertThat(p[p.length - 4]).isEqualTo((byte) 2);
    assertThat(p[p.length - 3]).isEqualTo((byte) 8);
    assertThat(Frame.crc16(p, 3, p[2]))
        .isEqualTo(((p[p.length - 2] & 0xFF) << 8) | (p[p.length - 1] & 0xFF));
    // and the controller's acknowledgement of it
    byte[] ack = Frame.build(Frame.ACK, 600, 1, new byte[] {0, 0, 0, 77, 0});
    assertThat(decode(ack).items().get(0).record())
        .isInstanceOfSatisfying(CommandAck.class, a -> assertThat(a.commandId()).isEqualTo(77L));
    assertThat(
            driver
                .encode(new Command(1, "open", Map.of("door", "3")), "door-controller", defaults)
                .status())
        .isEqualTo(EncodeResult.Status.INVALID);
  }

  @Test
  void credentialsAreAddedForADoorAndRemovedAgain() {
    EncodeResult add =
        driver.encode(
            new Command(
                9,
                "credential-add",
                Map.of(
                    "kind",
                    "card",
                    "credential",
                    "C-1001",
                    "door",
                    "2",
                    "from",
                    "1764288000",
                    "to",
                    "1795824000")),
            "door-controller",
            defaults);
    assertThat(add.status()).isEqualTo(EncodeResult.Status.OK);
    byte[] p = add.payload();
    // header, then kind 1 (card), door 2, from, to, 6 bytes of credential
    assertThat(HexFormat.of().formatHex(p, 0, 5)).isEqualTo("a55a1b0182");
    assertThat(HexFormat.of().formatHex(p, 13, 30))
        .isEqualTo("0102" + "6928e600" + "6b0a1980" + "06" + "432d31303031");
    assertThat(Frame.crc16(p, 3, p[2]))
        .isEqualTo(((p[p.length - 2] & 0xFF) << 8) | (p[p.length - 1] & 0xFF));

    EncodeResult remove =
        driver.encode(
            new Command(10, "credential-remove", Map.of("kind", "pin", "credential", "P7")),
            "door-controller",
            defaults);
    assertThat(remove.status()).isEqualTo(EncodeResult.Status.OK);
    assertThat(HexFormat.of().formatHex(remove.payload(), 3, 18))
        .startsWith("0183")
        .endsWith("0200" + "02" + "5037");

    for (Map<String, String> bad :
        List.of(
            Map.of("kind", "iris", "credential", "x"),
            Map.of("kind", "card", "credential", ""),
            Map.of("kind", "card", "credential", "x", "door", "3"),
            Map.of("kind", "card", "credential", "x", "from", "200", "to", "100"))) {
      assertThat(
              driver
                  .encode(new Command(1, "credential-add", bad), "door-controller", defaults)
                  .status())
          .as(bad.toString())
          .isEqualTo(EncodeResult.Status.INVALID);
    }
  }
}
