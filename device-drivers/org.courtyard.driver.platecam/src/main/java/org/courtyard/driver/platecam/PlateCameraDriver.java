package org.courtyard.driver.platecam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.courtyard.driver.Command;
import org.courtyard.driver.ConfigDescriptor;
import org.courtyard.driver.ConfigField;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DeviceRecord.CommandAck;
import org.courtyard.driver.DeviceRecord.Direction;
import org.courtyard.driver.DeviceRecord.PlateColour;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.PayloadNumber;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.osgi.service.component.annotations.Component;

/**
 * Yunshi's parking-lane cameras (fictional vendor, the format of the JSON push such cameras offer):
 * a camera over one or two lanes reads the plate of each vehicle that drives up and publishes
 *
 * <pre>
 * {"seq": 5012, "type": "plate", "ts": "2026-12-07T08:30:15+08:00", "lane": "in-1", "dir": "in",
 *  "plate": "粤B·12345", "color": "blue", "conf": 96, "snap": "/snap/20261207/083015-in-1.jpg"}
 * </pre>
 *
 * {@code dir} is {@code in} or {@code out}; a vehicle without a readable plate comes with {@code
 * "plate": ""} or {@code "无牌车"} and is a read without a plate, for the guard to decide. {@code
 * color} is {@code blue}, {@code yellow}, {@code green}, {@code white}, {@code black} (or 蓝 黄 绿 白
 * 黑). {@code {"seq": 5013, "type": "heartbeat"}} carries nothing; an acknowledgement is {@code
 * {"seq": 5014, "type": "ack", "id": 7, "ok": true}}. Command {@code open} ({@code lane}) raises
 * the lane's barrier: {@code {"cmd":"open","id":7,"lane":"in-1"}}.
 */
@Component(service = DeviceDriver.class)
public final class PlateCameraDriver implements DeviceDriver {

  static final String CAMERA = "plate-camera";

  private static final int MAX_PAYLOAD = 4 * 1024;
  private static final int MAX_TEXT = 16;
  private static final int MAX_SNAPSHOT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** What the cameras send when they saw a vehicle but no plate. */
  private static final List<String> NO_PLATE = List.of("", "无牌车", "NONE", "UNKNOWN", "未识别");

  private static final DriverInfo INFO =
      new DriverInfo(
          "platecam",
          "Yunshi plate-reading lane cameras",
          "Yunshi Vision Co. (sample)",
          "1.0.0",
          List.of(CAMERA));

  private static final ConfigDescriptor CONFIG =
      ConfigDescriptor.of(
          ConfigField.choice(
              "timeSource",
              "Time of a read",
              "device: the camera's own clock (ts); gateway: when the message arrived",
              "device",
              List.of("device", "gateway")));

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
    if (uplink.payload().length > MAX_PAYLOAD) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "payload over 4 KiB");
    }
    JsonNode root;
    try {
      root = JSON.readTree(uplink.payload());
    } catch (IOException e) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "not JSON: " + shown(firstLine(e), 200));
    }
    if (root == null || !root.isObject()) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "not a JSON object");
    }
    JsonNode seq = root.get("seq");
    if (seq == null || !seq.canConvertToLong() || seq.asLong() < 0) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "seq missing or not a whole number");
    }
    String type = root.path("type").asText("");
    if (type.equals("heartbeat")) {
      return DecodeResult.of(seq.asLong(), List.of());
    }
    Instant at = uplink.receivedAt();
    if (config.string("timeSource").equals("device")) {
      try {
        at = OffsetDateTime.parse(root.path("ts").asText("")).toInstant();
      } catch (DateTimeException e) {
        return DecodeResult.rejected(
            RecordStatus.MALFORMED, "ts missing or not a date and time with its offset");
      }
      // a camera whose clock reset reads 1970 in its own zone: before the epoch in UTC
      if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
        return DecodeResult.rejected(
            RecordStatus.OUT_OF_RANGE, "ts " + shown(root.path("ts").asText(), 40));
      }
    }
    return switch (type) {
      case "plate" -> DecodeResult.of(seq.asLong(), List.of(plate(root, at)));
      case "ack" -> DecodeResult.of(seq.asLong(), List.of(ack(root, at)));
      default -> DecodeResult.rejected(RecordStatus.UNSUPPORTED, "type " + shown(type, 24));
    };
  }

  private static Decoded plate(JsonNode root, Instant at) {
    String lane = root.path("lane").asText("");
    if (!text(lane, MAX_TEXT) || lane.isEmpty()) {
      return Decoded.bad(RecordStatus.MALFORMED, "lane must be 1-16 printable characters");
    }
    Direction direction;
    switch (root.path("dir").asText("")) {
      case "in" -> direction = Direction.ENTRY;
      case "out" -> direction = Direction.EXIT;
      default -> {
        return Decoded.bad(RecordStatus.MALFORMED, "lane " + lane + ": dir must be in or out");
      }
    }
    JsonNode plateNode = root.get("plate");
    if (plateNode != null && !plateNode.isTextual() && !plateNode.isNull()) {
      return Decoded.bad(RecordStatus.MALFORMED, "lane " + lane + ": plate is not text");
    }
    String read = plateNode == null || plateNode.isNull() ? "" : plateNode.asText().strip();
    String plate = NO_PLATE.contains(read.toUpperCase(Locale.ROOT)) ? null : read;
    if (plate != null && !text(plate, MAX_TEXT)) {
      return Decoded.bad(
          RecordStatus.MALFORMED,
          "lane " + lane + ": plate must be at most 16 printable characters");
    }
    JsonNode conf = root.get("conf");
    int confidence = 0;
    if (conf != null) {
      PayloadNumber c = PayloadNumber.whole(conf.asText(), 0, 100);
      if (!c.isGood()) {
        return c.asBad("lane " + lane + ": conf");
      }
      confidence = (int) c.longValue();
    } else if (plate != null) {
      return Decoded.bad(RecordStatus.MALFORMED, "lane " + lane + ": a plate without conf");
    }
    PlateColour colour = null;
    JsonNode color = root.get("color");
    if (color != null && !color.isNull()) {
      colour = colour(color.asText());
      if (colour == null) {
        return Decoded.bad(
            RecordStatus.UNSUPPORTED, "lane " + lane + ": color " + shown(color.asText(), 24));
      }
    }
    String snapshot = root.hasNonNull("snap") ? root.get("snap").asText() : null;
    if (snapshot != null && !text(snapshot, MAX_SNAPSHOT)) {
      return Decoded.bad(
          RecordStatus.MALFORMED,
          "lane " + lane + ": snap must be at most 200 printable characters");
    }
    return Decoded.good(new PlateRead(lane, direction, plate, colour, confidence, snapshot, at));
  }

  private static Decoded ack(JsonNode root, Instant at) {
    JsonNode id = root.get("id");
    if (id == null || !id.canConvertToLong()) {
      return Decoded.bad(RecordStatus.MALFORMED, "ack without id");
    }
    return Decoded.good(
        new CommandAck(
            id.asLong(),
            root.path("ok").asBoolean(false),
            root.hasNonNull("error") ? shown(root.get("error").asText(), 64) : null,
            at));
  }

  private static PlateColour colour(String code) {
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "blue", "蓝" -> PlateColour.BLUE;
      case "yellow", "黄" -> PlateColour.YELLOW;
      case "green", "绿", "yellow-green", "黄绿" -> PlateColour.GREEN;
      case "white", "白" -> PlateColour.WHITE;
      case "black", "黑" -> PlateColour.BLACK;
      case "other", "其他" -> PlateColour.OTHER;
      default -> null;
    };
  }

  @Override
  public EncodeResult encode(Command command, String deviceType, DeviceConfig config) {
    if (!INFO.serves(deviceType)) {
      return EncodeResult.unsupported("device type " + deviceType);
    }
    if (!command.name().equals("open")) {
      return EncodeResult.unsupported("command " + command.name() + "; known: open");
    }
    String lane = command.argument("lane", "");
    if (lane.isEmpty() || !text(lane, MAX_TEXT)) {
      return EncodeResult.invalid("lane must be 1-16 printable characters");
    }
    ObjectNode cmd = JSON.createObjectNode();
    cmd.put("cmd", "open").put("id", command.id() & 0xFFFFFFFFL).put("lane", lane);
    try {
      return EncodeResult.ok(JSON.writeValueAsString(cmd).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean text(String s, int max) {
    return s.codePointCount(0, s.length()) <= max && s.chars().noneMatch(Character::isISOControl);
  }

  /** Device text as a detail shows it: control characters (NUL among them) replaced, clipped. */
  private static String shown(String s, int max) {
    String clean = s.replaceAll("\\p{Cc}", "\uFFFD");
    return clean.length() > max ? clean.substring(0, max) + "…" : clean;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
