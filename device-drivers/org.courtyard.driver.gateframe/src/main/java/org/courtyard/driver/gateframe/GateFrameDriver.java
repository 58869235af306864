package org.courtyard.driver.gateframe;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.driver.Command;
import org.courtyard.driver.ConfigDescriptor;
import org.courtyard.driver.ConfigField;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DeviceRecord.AccessEvent;
import org.courtyard.driver.DeviceRecord.Alarm;
import org.courtyard.driver.DeviceRecord.AlarmKind;
import org.courtyard.driver.DeviceRecord.CommandAck;
import org.courtyard.driver.DeviceRecord.CredentialKind;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.osgi.service.component.annotations.Component;

/**
 * Anmen's door and barrier-gate controllers (fictional vendor, realistic format): one compact
 * binary {@link Frame} per MQTT message, CRC-protected. Frame types: access event (01), door alarm
 * (02), heartbeat (03), command acknowledgement (04); downlink: open (81), and a credential the
 * controller should accept (82) or forget (83), so that doors decide on their own when offline.
 *
 * <pre>
 * 01 access:  door u8 | result u8 (0 denied, 1 granted) | reason u8 | credential kind u8 | n u8 | n ASCII bytes
 * 02 alarm:   door u8 | kind u8 (1 forced, 2 held open, 3 tamper) | active u8
 * 03 beat:    (empty)
 * 04 ack:     command id u32 | result u8 (0 ok, else the controller's error code)
 * 81 open:    door u8 | seconds u8 (1-60)
 * 82 add:     kind u8 (1 card, 2 PIN, 3 QR) | door u8 (0: every door) | from u32 | to u32 (0: open-ended) | n u8 | n ASCII bytes
 * 83 remove:  kind u8 | door u8 (0: every door) | n u8 | n ASCII bytes
 * </pre>
 */
@Component(service = DeviceDriver.class)
public final class GateFrameDriver implements DeviceDriver {

  static final String DOOR = "door-controller";
  static final String BARRIER = "barrier-gate";

  private static final DriverInfo INFO =
      new DriverInfo(
          "gateframe",
          "Anmen access controllers (binary frame)",
          "Anmen Security Technology (sample)",
          "2.1.0",
          List.of(DOOR, BARRIER));

  private static final ConfigDescriptor CONFIG =
      ConfigDescriptor.of(
          ConfigField.integer(
              "doors",
              "Doors or lanes",
              "How many doors (or lanes) the controller drives",
              2,
              1,
              16),
          ConfigField.choice(
              "timeSource",
              "Time of an event",
              "device: the controller's clock; gateway: when the message arrived",
              "device",
              List.of("device", "gateway")),
          ConfigField.integer(
              "openSeconds",
              "Open for",
              "Seconds a door stays unlocked after a remote open without its own duration",
              5,
              1,
              60));

  private static final String[] REASONS = {
    null, "unknown credential", "credential expired", "not allowed at this door", "anti-passback"
  };

  @Override
  public DriverInfo info() {
    return INFO;
  }

  @Override
  public ConfigDescriptor configDescriptor() {
    return CONFIG;
  }

  @Override
  public DecodeResult decode(Uplink uplink, DeviceConfig config) {
    Frame frame;
    try {
      frame = Frame.parse(uplink.payload());
    } catch (Frame.Invalid e) {
      return DecodeResult.rejected(
          e.checksum ? RecordStatus.BAD_CHECKSUM : RecordStatus.MALFORMED, e.getMessage());
    }
    Instant at =
        config.string("timeSource").equals("device")
            ? Instant.ofEpochSecond(frame.ts)
            : uplink.receivedAt();
    List<Decoded> items = new ArrayList<>(1);
    try {
      switch (frame.type) {
        case Frame.ACCESS -> items.add(access(frame.body, config, at));
        case Frame.ALARM -> items.add(alarm(frame.body, config, at));
        case Frame.HEARTBEAT -> {
          // liveness only: the gateway marks the device seen
        }
        case Frame.ACK -> {
          long id = frame.body.getInt() & 0xFFFFFFFFL;
          int result = frame.body.get() & 0xFF;
          items.add(
              Decoded.good(
                  new CommandAck(id, result == 0, result == 0 ? null : "error " + result, at)));
        }
        default ->
            items.add(
                Decoded.bad(
                    RecordStatus.UNSUPPORTED, String.format("frame type %02X", frame.type)));
      }
    } catch (BufferUnderflowException e) {
      return DecodeResult.rejected(
          RecordStatus.MALFORMED, String.format("frame type %02X is too short", frame.type));
    }
    if (frame.body.hasRemaining()) {
      return DecodeResult.rejected(
          RecordStatus.MALFORMED,
          String.format(
              "%d bytes after the body of frame type %02X", frame.body.remaining(), frame.type));
    }
    return DecodeResult.of(frame.seq, items);
  }

  private static Decoded access(ByteBuffer b, DeviceConfig config, Instant at) {
    int door = b.get() & 0xFF;
    int result = b.get() & 0xFF;
    int reason = b.get() & 0xFF;
    int kind = b.get() & 0xFF;
    int n = b.get() & 0xFF;
    if (n > b.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] credential = new byte[n];
    b.get(credential);
    if (door < 1 || door > config.integer("doors")) {
      return Decoded.bad(RecordStatus.OUT_OF_RANGE, "door " + door);
    }
    if (result > 1) {
      return Decoded.bad(RecordStatus.MALFORMED, "access result " + result);
    }
    if (kind < 1 || kind > CredentialKind.values().length) {
      return Decoded.bad(RecordStatus.UNSUPPORTED, "credential kind " + kind);
    }
    if (n == 0 || n > 32) {
      return Decoded.bad(RecordStatus.MALFORMED, "credential of " + n + " bytes");
    }
    for (byte c : credential) {
      if (c < 0x21 || c > 0x7E) {
        return Decoded.bad(RecordStatus.MALFORMED, "credential is not printable ASCII");
      }
    }
    String why =
        result == 1
            ? null
            : reason < REASONS.length && reason > 0 ? REASONS[reason] : "code " + reason;
    return Decoded.good(
        new AccessEvent(
            Integer.toString(door),
            CredentialKind.values()[kind - 1],
            new String(credential, StandardCharsets.US_ASCII),
            result == 1,
            why,
            at));
  }

  private static Decoded alarm(ByteBuffer b, DeviceConfig config, Instant at) {
    int door = b.get() & 0xFF;
    int kind = b.get() & 0xFF;
    int active = b.get() & 0xFF;
    if (door < 1 || door > config.integer("doors")) {
      return Decoded.bad(RecordStatus.OUT_OF_RANGE, "door " + door);
    }
    AlarmKind k =
        switch (kind) {
          case 1 -> AlarmKind.DOOR_FORCED;
          case 2 -> AlarmKind.DOOR_HELD_OPEN;
          case 3 -> AlarmKind.TAMPER;
          default -> null;
        };
    if (k == null) {
      return Decoded.bad(RecordStatus.UNSUPPORTED, "alarm kind " + kind);
    }
    if (active > 1) {
      return Decoded.bad(RecordStatus.MALFORMED, "alarm state " + active);
    }
    return Decoded.good(new Alarm(k, Integer.toString(door), active == 1, null, at));
  }

  @Override
  public EncodeResult encode(Command command, String deviceType, DeviceConfig config) {
    if (!INFO.serves(deviceType)) {
      return EncodeResult.unsupported("device type " + deviceType);
    }
    if (command.name().equals("credential-add") || command.name().equals("credential-remove")) {
      return credential(command, config);
    }
    if (!command.name().equals("open")) {
      return EncodeResult.unsupported(
          "command " + command.name() + "; known: open, credential-add, credential-remove");
    }
    int door;
    int seconds;
    try {
      door = Integer.parseInt(command.argument("door", "1"));
      seconds =
          Integer.parseInt(
              command.argument("seconds", Long.toString(config.integer("openSeconds"))));
    } catch (NumberFormatException e) {
      return EncodeResult.invalid("door and seconds must be whole numbers");
    }
    if (door < 1 || door > config.integer("doors")) {
      return EncodeResult.invalid("door must be 1-" + config.integer("doors"));
    }
    if (seconds < 1 || seconds > 60) {
      return EncodeResult.invalid("seconds must be 1-60");
    }
    return EncodeResult.ok(
        Frame.build(
            Frame.OPEN,
            command.id() & 0xFFFFFFFFL,
            Instant.now().getEpochSecond(),
            new byte[] {(byte) door, (byte) seconds}));
  }

  /**
   * {@code credential-add} (kind, credential, door, from, to) or {@code credential-remove} (kind,
   * credential, door): door 0 is every door of the controller, times are epoch seconds.
   */
  private static EncodeResult credential(Command command, DeviceConfig config) {
    boolean add = command.name().equals("credential-add");
    int kind =
        switch (command.argument("kind", "")) {
          case "card" -> 1;
          case "pin" -> 2;
          case "qr" -> 3;
          default -> 0;
        };
    if (kind == 0) {
      return EncodeResult.invalid("kind must be card, pin or qr");
    }
    byte[] value = command.argument("credential", "").getBytes(StandardCharsets.US_ASCII);
    if (value.length == 0 || value.length > 64) {
      return EncodeResult.invalid("credential must be 1-64 ASCII characters");
    }
    int door;
    long from;
    long to;
    try {
      door = Integer.parseInt(command.argument("door", "0"));
      from = Long.parseLong(command.argument("from", "0"));
      to = Long.parseLong(command.argument("to", "0"));
    } catch (NumberFormatException e) {
      return EncodeResult.invalid("door, from and to must be whole numbers");
    }
    if (door < 0 || door > config.integer("doors")) {
      return EncodeResult.invalid("door must be 0 (every door) or 1-" + config.integer("doors"));
    }
    if (from < 0 || from > 0xFFFFFFFFL || to < 0 || to > 0xFFFFFFFFL || (to != 0 && to <= from)) {
      return EncodeResult.invalid("from and to must be epoch seconds, to after from (0: open)");
    }
    ByteBuffer body = ByteBuffer.allocate((add ? 11 : 3) + value.length);
    body.put((byte) kind).put((byte) door);
    if (add) {
      body.putInt((int) from).putInt((int) to);
    }
    body.put((byte) value.length).put(value);
    return EncodeResult.ok(
        Frame.build(
            add ? Frame.CREDENTIAL_ADD : Frame.CREDENTIAL_REMOVE,
            command.id() & 0xFFFFFFFFL,
            Instant.now().getEpochSecond(),
            body.array()));
  }
}
